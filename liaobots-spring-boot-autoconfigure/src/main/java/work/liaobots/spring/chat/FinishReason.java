package work.liaobots.spring.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import work.liaobots.spring.json.OpenValues;
import work.liaobots.spring.json.OpenValueDeserializer;

/**
 * The reason a chat choice stopped. Open: a value this version does not know, such as a
 * gateway's {@code network_error}, is kept as-is rather than failing the parse.
 *
 * @param value the wire value
 */
@JsonDeserialize(using = FinishReason.Deserializer.class)
public record FinishReason(@JsonValue String value) {

	private static final OpenValues<FinishReason> VALUES = new OpenValues<>(FinishReason::new);

	/** The model finished its answer or hit a stop sequence. */
	public static final FinishReason STOP = VALUES.register("stop");

	/** The answer hit the token limit. */
	public static final FinishReason LENGTH = VALUES.register("length");

	/** The model called tools. */
	public static final FinishReason TOOL_CALLS = VALUES.register("tool_calls");

	/** A content filter cut the answer. */
	public static final FinishReason CONTENT_FILTER = VALUES.register("content_filter");

	/** The model called a function (deprecated form of {@link #TOOL_CALLS}). */
	public static final FinishReason FUNCTION_CALL = VALUES.register("function_call");

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
