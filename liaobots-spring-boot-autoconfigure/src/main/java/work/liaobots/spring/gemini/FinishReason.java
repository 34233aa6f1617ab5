package work.liaobots.spring.gemini;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import work.liaobots.spring.json.OpenValues;
import work.liaobots.spring.json.OpenValueDeserializer;

/**
 * The reason a Gemini candidate stopped. Open: a value this version does not know is kept
 * as-is rather than failing the parse. A function call ends with {@link #STOP}, because
 * Gemini has no separate tool-call reason.
 *
 * @param value the wire value
 */
@JsonDeserialize(using = FinishReason.Deserializer.class)
public record FinishReason(@JsonValue String value) {

	private static final OpenValues<FinishReason> VALUES = new OpenValues<>(FinishReason::new);

	/** The reason was not specified. */
	public static final FinishReason FINISH_REASON_UNSPECIFIED = VALUES.register("FINISH_REASON_UNSPECIFIED");

	/** The model finished its response, hit a stop sequence or called functions. */
	public static final FinishReason STOP = VALUES.register("STOP");

	/** The response hit {@code maxOutputTokens}. */
	public static final FinishReason MAX_TOKENS = VALUES.register("MAX_TOKENS");

	/** The safety filters withheld the response. */
	public static final FinishReason SAFETY = VALUES.register("SAFETY");

	/** The response was withheld because it recited training data. */
	public static final FinishReason RECITATION = VALUES.register("RECITATION");

	/** The response used an unsupported language. */
	public static final FinishReason LANGUAGE = VALUES.register("LANGUAGE");

	/** Some other reason. */
	public static final FinishReason OTHER = VALUES.register("OTHER");

	/** The response contained a term from a blocklist. */
	public static final FinishReason BLOCKLIST = VALUES.register("BLOCKLIST");

	/** The response contained prohibited content. */
	public static final FinishReason PROHIBITED_CONTENT = VALUES.register("PROHIBITED_CONTENT");

	/** The response contained sensitive personally identifiable information. */
	public static final FinishReason SPII = VALUES.register("SPII");

	/** The model produced a function call that is not valid. */
	public static final FinishReason MALFORMED_FUNCTION_CALL = VALUES.register("MALFORMED_FUNCTION_CALL");

	/** A generated image was withheld by the safety filters. */
	public static final FinishReason IMAGE_SAFETY = VALUES.register("IMAGE_SAFETY");

	/** The model called a tool that the request did not enable. */
	public static final FinishReason UNEXPECTED_TOOL_CALL = VALUES.register("UNEXPECTED_TOOL_CALL");

	/** The model called too many tools in a row. */
	public static final FinishReason TOO_MANY_TOOL_CALLS = VALUES.register("TOO_MANY_TOOL_CALLS");

	/** A generated image was withheld as prohibited content. */
	public static final FinishReason IMAGE_PROHIBITED_CONTENT = VALUES.register("IMAGE_PROHIBITED_CONTENT");

	/** An image was expected but the model generated none. */
	public static final FinishReason NO_IMAGE = VALUES.register("NO_IMAGE");

	/** A generated image was withheld because it recited training data. */
	public static final FinishReason IMAGE_RECITATION = VALUES.register("IMAGE_RECITATION");

	/** Image generation stopped for some other reason. */
	public static final FinishReason IMAGE_OTHER = VALUES.register("IMAGE_OTHER");

	private static final Set<FinishReason> BLOCKING = Set.of(SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII,
			IMAGE_SAFETY, IMAGE_PROHIBITED_CONTENT, IMAGE_RECITATION);

	/**
	 * Returns the reason for a wire value.
	 * @param value the wire value
	 * @return the reason, or {@code null} for {@code null} or an empty string (not
	 * finished)
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static FinishReason of(@Nullable String value) {
		return VALUES.of(value);
	}

	/**
	 * Returns whether this version of the client knows the value.
	 * @return {@code true} for the constants of this class
	 */
	public boolean isKnown() {
		return VALUES.isKnown(this.value);
	}

	/**
	 * Returns whether a content policy withheld the response or the image: safety,
	 * recitation, blocklist, prohibited content or personal data.
	 * @return {@code true} for the blocking reasons
	 */
	public boolean isBlocking() {
		return BLOCKING.contains(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * Reads the value through {@link #of(String)} without Jackson's creator machinery.
	 */
	static final class Deserializer extends OpenValueDeserializer<FinishReason> {

		Deserializer() {
			super(FinishReason.class, FinishReason::of);
		}

	}

}
