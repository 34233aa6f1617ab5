package work.liaobots.spring.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import work.liaobots.spring.json.OpenValues;
import work.liaobots.spring.json.OpenValueDeserializer;

/**
 * Type of a Responses stream event, the {@code type} field of its data. Open: the API
 * adds event types often (tool progress, audio, image previews), and an unknown type is
 * kept as-is rather than failing the parse.
 *
 * @param value the wire value
 */
@JsonDeserialize(using = ResponseStreamEventType.Deserializer.class)
public record ResponseStreamEventType(@JsonValue String value) {

	private static final OpenValues<ResponseStreamEventType> VALUES = new OpenValues<>(ResponseStreamEventType::new);

	/** The response was created; carries a snapshot with status {@code in_progress}. */
	public static final ResponseStreamEventType CREATED = VALUES.register("response.created");

	/** The response is being generated; carries a snapshot. */
	public static final ResponseStreamEventType IN_PROGRESS = VALUES.register("response.in_progress");

	/** The response waits for a worker; carries a snapshot with status {@code queued}. */
	public static final ResponseStreamEventType QUEUED = VALUES.register("response.queued");

	/** An output item (message, function call, reasoning) started. */
	public static final ResponseStreamEventType OUTPUT_ITEM_ADDED = VALUES.register("response.output_item.added");

	/** An output item is complete; carries the whole item. */
	public static final ResponseStreamEventType OUTPUT_ITEM_DONE = VALUES.register("response.output_item.done");

	/** A content part of a message started. */
	public static final ResponseStreamEventType CONTENT_PART_ADDED = VALUES.register("response.content_part.added");

	/** A content part is complete; carries the whole part. */
	public static final ResponseStreamEventType CONTENT_PART_DONE = VALUES.register("response.content_part.done");

	/** A piece of output text. */
	public static final ResponseStreamEventType OUTPUT_TEXT_DELTA = VALUES.register("response.output_text.delta");

	/** The output text of one content part is complete and carried whole. */
	public static final ResponseStreamEventType OUTPUT_TEXT_DONE = VALUES.register("response.output_text.done");

	/** An annotation, such as a URL citation, was added to output text. */
	public static final ResponseStreamEventType OUTPUT_TEXT_ANNOTATION_ADDED = VALUES
		.register("response.output_text.annotation.added");

	/** A piece of refusal text. */
	public static final ResponseStreamEventType REFUSAL_DELTA = VALUES.register("response.refusal.delta");

	/** The refusal text is complete; carries it in {@code refusal}. */
	public static final ResponseStreamEventType REFUSAL_DONE = VALUES.register("response.refusal.done");

	/** A piece of a function call's JSON arguments. */
	public static final ResponseStreamEventType FUNCTION_CALL_ARGUMENTS_DELTA = VALUES
		.register("response.function_call_arguments.delta");

	/** A function call's arguments are complete; carries them with the function name. */
	public static final ResponseStreamEventType FUNCTION_CALL_ARGUMENTS_DONE = VALUES
		.register("response.function_call_arguments.done");

	/** A reasoning summary part started. */
	public static final ResponseStreamEventType REASONING_SUMMARY_PART_ADDED = VALUES
		.register("response.reasoning_summary_part.added");

	/** A reasoning summary part is complete. */
	public static final ResponseStreamEventType REASONING_SUMMARY_PART_DONE = VALUES
		.register("response.reasoning_summary_part.done");

	/** A piece of reasoning summary text. */
	public static final ResponseStreamEventType REASONING_SUMMARY_TEXT_DELTA = VALUES
		.register("response.reasoning_summary_text.delta");

	/** The text of one reasoning summary part is complete. */
	public static final ResponseStreamEventType REASONING_SUMMARY_TEXT_DONE = VALUES
		.register("response.reasoning_summary_text.done");

	/** A piece of raw reasoning text. */
	public static final ResponseStreamEventType REASONING_TEXT_DELTA = VALUES.register("response.reasoning_text.delta");

	/** The raw reasoning text of one content part is complete. */
	public static final ResponseStreamEventType REASONING_TEXT_DONE = VALUES.register("response.reasoning_text.done");

	/** Terminal: the response finished; carries the final response with usage. */
	public static final ResponseStreamEventType COMPLETED = VALUES.register("response.completed");

	/** Terminal: the model stopped early; carries the final response. */
	public static final ResponseStreamEventType INCOMPLETE = VALUES.register("response.incomplete");

	/** Terminal: the response failed; carries the final response with its error. */
	public static final ResponseStreamEventType FAILED = VALUES.register("response.failed");

	/**
	 * Terminal: an error outside a response, with {@code code} and {@code message}.
	 */
	public static final ResponseStreamEventType ERROR = VALUES.register("error");

	/**
	 * Terminal: the final event some upstreams send instead of
	 * {@code response.completed}. OpenAI's own stream does not use it.
	 */
	public static final ResponseStreamEventType DONE = VALUES.register("response.done");

	/**
	 * Returns the type for a wire value.
	 * @param value the wire value
	 * @return the type, or {@code null} for {@code null} or an empty string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static ResponseStreamEventType of(@Nullable String value) {
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
	 * Returns whether the stream ends after an event of this type: the successful ends
	 * {@code response.completed}, {@code response.incomplete} and {@code response.done},
	 * and the {@linkplain #isError() errors}.
	 * @return {@code true} for a terminal type
	 */
	public boolean isTerminal() {
		return equals(COMPLETED) || equals(INCOMPLETE) || equals(DONE) || isError();
	}

	/**
	 * Returns whether an event of this type reports a failure: {@code response.failed} or
	 * {@code error}.
	 * @return {@code true} for an error type
	 */
	public boolean isError() {
		return equals(FAILED) || equals(ERROR);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * Compares the wire values. Known values are interned, so identity decides most
	 * comparisons: stream decoders compare types several times per event, and the
	 * generated record equality showed up in their profiles.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ResponseStreamEventType type && this.value.equals(type.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	/**
	 * Reads the value through {@link #of(String)} without Jackson's creator machinery.
	 */
	static final class Deserializer extends OpenValueDeserializer<ResponseStreamEventType> {

		Deserializer() {
			super(ResponseStreamEventType.class, ResponseStreamEventType::of);
		}

	}

}
