package work.liaobots.spring.responses;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.json.LiaobotsJson;

/**
 * One event of a streamed response. A single class covers every event type, so a type
 * this version does not know still reaches the caller with all its fields in
 * {@link #extra()}.
 * <p>
 * Which fields are set depends on the {@link #type()}. Snapshots and terminal events
 * carry a {@link #response()}, item events an {@link #item()} and {@link #outputIndex()},
 * part events a {@link #part()}, text and argument deltas an {@link #itemId()} and a
 * {@link #delta()}, and the {@code error} event a {@link #code()} and {@link #message()}.
 */
public final class ResponseStreamEvent extends JsonModel {

	@Nullable ResponseStreamEventType type;

	@JsonProperty("sequence_number")
	@Nullable Long sequenceNumber;

	@Nullable Response response;

	@Nullable ResponseOutputItem item;

	@JsonProperty("output_index")
	@Nullable Integer outputIndex;

	@JsonProperty("content_index")
	@Nullable Integer contentIndex;

	@JsonProperty("item_id")
	@Nullable String itemId;

	// Object, not String: older versions of OpenAI's spec typed the delta of MCP argument
	// events as any JSON value, which a String field would reject.
	@Nullable Object delta;

	@Nullable String text;

	@Nullable Object arguments;

	@Nullable String name;

	@Nullable ResponseContentPart part;

	@JsonProperty("summary_index")
	@Nullable Integer summaryIndex;

	@Nullable String refusal;

	@Nullable Object annotation;

	@JsonProperty("annotation_index")
	@Nullable Integer annotationIndex;

	@Nullable String code;

	@Nullable String message;

	@Nullable String param;

	@Nullable List<Object> logprobs;

	// Declared rather than left to extra(): OpenAI pads every delta with it, and binding
	// it as an unknown field (a map per event through the any-setter) took 8% of a
	// streamed delta's time.
	@Nullable String obfuscation;

	/**
	 * Returns the event type: the {@code type} field of the data, or the SSE event name
	 * when the data has none.
	 * @return the type, or {@code null} when neither is present
	 */
	@Nullable public ResponseStreamEventType type() {
		return this.type;
	}

	/**
	 * Returns the position of this event in the stream, increasing by one per event.
	 * @return the number, or {@code null} if the server sent none
	 */
	@Nullable public Long sequenceNumber() {
		return this.sequenceNumber;
	}

	/**
	 * Returns the response snapshot of {@code response.created}, {@code in_progress} and
	 * {@code queued}, or the final response of the terminal events.
	 * @return the response, or {@code null} for other events
	 */
	@Nullable public Response response() {
		return this.response;
	}

	/**
	 * Returns the item of {@code response.output_item.added} (empty) or
	 * {@code response.output_item.done} (complete).
	 * @return the item, or {@code null} for other events
	 */
	@Nullable public ResponseOutputItem item() {
		return this.item;
	}

	@Nullable public Integer outputIndex() {
		return this.outputIndex;
	}

	@Nullable public Integer contentIndex() {
		return this.contentIndex;
	}

	@Nullable public String itemId() {
		return this.itemId;
	}

	/**
	 * Returns the piece of text, refusal or arguments a delta event carries.
	 * @return the piece, or {@code null} for other events. A non-string value is returned
	 * as its JSON text.
	 */
	@Nullable public String delta() {
		return asText(this.delta);
	}

	/**
	 * Returns the whole text of a {@code .done} text event.
	 * @return the text, or {@code null} for other events
	 */
	@Nullable public String text() {
		return this.text;
	}

	/**
	 * Returns the complete JSON arguments of
	 * {@code response.function_call_arguments.done}.
	 * @return the arguments, or {@code null} for other events. A non-string value is
	 * returned as its JSON text.
	 */
	@Nullable public String arguments() {
		return asText(this.arguments);
	}

	/**
	 * Returns the function name of {@code response.function_call_arguments.done}. The
	 * delta events carry none, so take it from the {@code output_item.added} item.
	 * @return the name, or {@code null}
	 */
	@Nullable public String name() {
		return this.name;
	}

	/**
	 * Returns the content or summary part of the {@code content_part} and
	 * {@code reasoning_summary_part} events.
	 * @return the part, or {@code null} for other events
	 */
	@Nullable public ResponseContentPart part() {
		return this.part;
	}

	@Nullable public Integer summaryIndex() {
		return this.summaryIndex;
	}

	/**
	 * Returns the whole refusal text of {@code response.refusal.done}.
	 * @return the refusal, or {@code null} for other events
	 */
	@Nullable public String refusal() {
		return this.refusal;
	}

	/**
	 * Returns the annotation of {@code response.output_text.annotation.added}, as a JSON
	 * map.
	 * @return the annotation, or {@code null} for other events
	 */
	@Nullable public Object annotation() {
		return this.annotation;
	}

	@Nullable public Integer annotationIndex() {
		return this.annotationIndex;
	}

	/**
	 * Returns the error code of an {@code error} event.
	 * @return the code, or {@code null}
	 */
	@Nullable public String code() {
		return this.code;
	}

	/**
	 * Returns the error message of an {@code error} event.
	 * @return the message, or {@code null}
	 */
	@Nullable public String message() {
		return this.message;
	}

	/**
	 * Returns the request parameter an {@code error} event blames.
	 * @return the parameter name, or {@code null}
	 */
	@Nullable public String param() {
		return this.param;
	}

	/**
	 * Returns the token log probabilities of a text delta, when the request's
	 * {@code include} lists {@code message.output_text.logprobs}.
	 * @return the log probabilities as JSON maps, empty when there are none
	 */
	public List<Object> logprobs() {
		return (this.logprobs != null) ? this.logprobs : List.of();
	}

	/**
	 * Returns the random padding OpenAI adds to delta events so that their sizes do not
	 * reveal the text.
	 * @return the padding, or {@code null} when the event has none
	 */
	@Nullable public String obfuscation() {
		return this.obfuscation;
	}

	/**
	 * Returns whether this event has the given type.
	 * @param eventType the type, such as {@link ResponseStreamEventType#COMPLETED}
	 * @return {@code true} if the types are equal
	 */
	public boolean is(ResponseStreamEventType eventType) {
		return eventType.equals(this.type);
	}

	/**
	 * Returns whether this event carries a piece of output text.
	 * @return {@code true} for {@code response.output_text.delta}
	 */
	public boolean isOutputTextDelta() {
		return is(ResponseStreamEventType.OUTPUT_TEXT_DELTA);
	}

	/**
	 * Returns whether this event carries a piece of function-call arguments.
	 * @return {@code true} for {@code response.function_call_arguments.delta}
	 */
	public boolean isFunctionCallArgumentsDelta() {
		return is(ResponseStreamEventType.FUNCTION_CALL_ARGUMENTS_DELTA);
	}

	/**
	 * Returns whether this event carries a piece of reasoning summary.
	 * @return {@code true} for {@code response.reasoning_summary_text.delta}
	 */
	public boolean isReasoningSummaryTextDelta() {
		return is(ResponseStreamEventType.REASONING_SUMMARY_TEXT_DELTA);
	}

	/**
	 * Returns whether this event announces a new output item.
	 * @return {@code true} for {@code response.output_item.added}
	 */
	public boolean isOutputItemAdded() {
		return is(ResponseStreamEventType.OUTPUT_ITEM_ADDED);
	}

	/**
	 * Returns whether this event carries a complete output item.
	 * @return {@code true} for {@code response.output_item.done}
	 */
	public boolean isOutputItemDone() {
		return is(ResponseStreamEventType.OUTPUT_ITEM_DONE);
	}

	/**
	 * Returns whether the model finished: {@code response.completed}, or
	 * {@code response.done} from upstreams that send it instead.
	 * @return {@code true} for a successful end
	 */
	public boolean isCompleted() {
		return is(ResponseStreamEventType.COMPLETED) || is(ResponseStreamEventType.DONE);
	}

	/**
	 * Returns whether the model stopped early.
	 * @return {@code true} for {@code response.incomplete}
	 */
	public boolean isIncomplete() {
		return is(ResponseStreamEventType.INCOMPLETE);
	}

	/**
	 * Returns whether this event reports a failure: {@code response.failed} or
	 * {@code error}. {@link ResponsesService#stream} does not emit these but fails with a
	 * {@link work.liaobots.spring.error.LiaobotsStreamException} instead.
	 * @return {@code true} for an error event
	 */
	public boolean isError() {
		return this.type != null && this.type.isError();
	}

	/**
	 * Returns whether the stream ends after this event.
	 * @return {@code true} for the terminal types
	 */
	public boolean isTerminal() {
		return this.type != null && this.type.isTerminal();
	}

	/**
	 * Returns the output text this event adds, for printing a stream as it arrives.
	 * @return the delta of {@code response.output_text.delta}, or {@code null} for any
	 * other event
	 */
	@Nullable public String textDelta() {
		return isOutputTextDelta() ? delta() : null;
	}

	@Nullable private static String asText(@Nullable Object value) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		return LiaobotsJson.mapper().writeValueAsString(value);
	}

}
