package work.liaobots.spring.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.OpenValues;

/**
 * Status of a response or of one of its output items. Open: a value this version does not
 * know is kept as-is rather than failing the parse.
 *
 * @param value the wire value
 */
public record ResponseStatus(@JsonValue String value) {

	private static final OpenValues<ResponseStatus> VALUES = new OpenValues<>(ResponseStatus::new);

	/** The model finished. */
	public static final ResponseStatus COMPLETED = VALUES.register("completed");

	/** The response failed, and {@link Response#error()} gives the reason. */
	public static final ResponseStatus FAILED = VALUES.register("failed");

	/** The model is still generating. */
	public static final ResponseStatus IN_PROGRESS = VALUES.register("in_progress");

	/** The response was cancelled. */
	public static final ResponseStatus CANCELLED = VALUES.register("cancelled");

	/** The response waits for a worker (background mode). */
	public static final ResponseStatus QUEUED = VALUES.register("queued");

	/**
	 * The model stopped early, and {@link Response#incompleteDetails()} gives the reason,
	 * for example the output-token limit.
	 */
	public static final ResponseStatus INCOMPLETE = VALUES.register("incomplete");

	/**
	 * Returns the status for a wire value.
	 * @param value the wire value
	 * @return the status, or {@code null} for {@code null} or an empty string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static ResponseStatus of(@Nullable String value) {
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
