package work.liaobots.spring.json;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the {@link JsonMapper} the clients use for wire JSON.
 * <p>
 * The clients never share the application's mapper: a global naming strategy or a
 * stricter feature set there would change the wire format.
 */
public final class LiaobotsJson {

	/** Largest string the default mapper accepts, in characters (64 MiB). */
	public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024 * 1024;

	private static final JsonMapper DEFAULT = create(DEFAULT_MAX_STRING_LENGTH);

	private LiaobotsJson() {
	}

	/**
	 * Returns a shared mapper with the default string-length cap.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return DEFAULT;
	}

	/**
	 * Creates a mapper whose longest accepted JSON string is {@code maxStringLength}
	 * characters, so a base64 image up to the client's body limit parses.
	 * @param maxStringLength the largest string length in characters
	 * @return a new mapper
	 */
	public static JsonMapper create(int maxStringLength) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxStringLength(maxStringLength)
			.maxDocumentLength(-1)
			.build();
		// Jackson 3's default buffer pool is a concurrent deque that every parser takes
		// from and returns to with compare-and-set, 4% of a streamed event's time.
		// Streams are parsed on a few long-lived event-loop threads, so a per-thread pool
		// (Jackson 2's default) reuses the buffers without contention.
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(constraints)
			.recyclerPool(JsonRecyclerPools.threadLocalPool())
			.build();
		return JsonMapper.builder(factory)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

}
