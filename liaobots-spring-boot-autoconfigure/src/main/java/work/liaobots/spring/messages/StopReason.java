package work.liaobots.spring.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.OpenValues;

/**
 * The reason the model stopped generating a message. Open: a value this version does not
 * know is kept as-is rather than failing the parse.
 *
 * @param value the wire value
 */
public record StopReason(@JsonValue String value) {

	private static final OpenValues<StopReason> VALUES = new OpenValues<>(StopReason::new);

	/** The model reached a natural stopping point. */
	public static final StopReason END_TURN = VALUES.register("end_turn");

	/** The output hit {@code max_tokens} or the model's output limit. */
	public static final StopReason MAX_TOKENS = VALUES.register("max_tokens");

	/** The model produced one of the request's {@code stop_sequences}. */
	public static final StopReason STOP_SEQUENCE = VALUES.register("stop_sequence");

	/** The model called one or more tools. */
	public static final StopReason TOOL_USE = VALUES.register("tool_use");

	/**
	 * The server paused a long-running turn. Send the message back as-is to let the model
	 * continue.
	 */
	public static final StopReason PAUSE_TURN = VALUES.register("pause_turn");

	/** Streaming classifiers stopped the output for a policy reason. */
	public static final StopReason REFUSAL = VALUES.register("refusal");

	/** The conversation filled the model's context window. */
	public static final StopReason MODEL_CONTEXT_WINDOW_EXCEEDED = VALUES.register("model_context_window_exceeded");

	/**
	 * Returns the reason for a wire value.
	 * @param value the wire value
	 * @return the reason, or {@code null} for {@code null} or an empty string (not
	 * stopped yet)
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static StopReason of(@Nullable String value) {
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

}
