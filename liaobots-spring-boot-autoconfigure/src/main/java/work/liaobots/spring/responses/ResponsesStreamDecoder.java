package work.liaobots.spring.responses;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import work.liaobots.spring.transport.SseData;
import work.liaobots.spring.transport.StreamDecoder;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Reads a Responses stream: typed events, each named by the {@code type} field of its
 * data, or by the SSE {@code event:} name when a server leaves {@code type} out.
 * <p>
 * {@code response.completed}, {@code response.incomplete} and {@code response.done} are
 * emitted and end the stream. {@code response.failed}, {@code error}, and an untyped
 * event with a top-level {@code error} object (the Chat Completions shape some gateways
 * use) end it with a {@link StreamErrorEvent}. OpenAI sends no {@code [DONE]} here. One
 * that a gateway appends is ignored after a terminal event and ends the stream otherwise.
 * Unknown event types are emitted like any other.
 */
final class ResponsesStreamDecoder implements StreamDecoder<ResponseStreamEvent> {

	private final ObjectReader reader;

	private final ResponseAccumulator accumulator = new ResponseAccumulator();

	private boolean terminated;

	ResponsesStreamDecoder(ObjectReader reader) {
		this.reader = reader;
	}

	@Override
	@Nullable public ResponseStreamEvent decode(@Nullable String eventName, SseData data) {
		if (data.isDone()) {
			this.terminated = true;
			return null;
		}
		ResponseStreamEvent event = data.parse(this.reader);
		if (event.type == null) {
			event.type = ResponseStreamEventType.of(eventName);
		}
		this.accumulator.add(event);
		StreamErrorEvent error = errorOf(event);
		if (error != null) {
			throw error;
		}
		this.terminated = this.terminated || event.isTerminal();
		return event;
	}

	/**
	 * Returns the error an event reports, or {@code null}.
	 */
	@Nullable static StreamErrorEvent errorOf(ResponseStreamEvent event) {
		if (event.is(ResponseStreamEventType.FAILED)) {
			Response.ErrorDetails details = (event.response != null) ? event.response.error : null;
			String code = (details != null) ? details.code : null;
			String message = (details != null) ? details.message : null;
			return errorEvent(code, null, (message != null) ? message : "The response failed without a message");
		}
		Object nested = event.extra().get("error");
		if (event.is(ResponseStreamEventType.ERROR) || (event.type == null && nested != null)) {
			Map<?, ?> error = (nested instanceof Map<?, ?> map) ? map : Map.of();
			String code = (event.code != null) ? event.code : text(error.get("code"));
			String message = (event.message != null) ? event.message : text(error.get("message"));
			String fallback = (nested != null && !(nested instanceof Map)) ? nested.toString()
					: "The stream reported an error without a message";
			return errorEvent(code, text(error.get("type")), (message != null) ? message : fallback);
		}
		return null;
	}

	/**
	 * Creates the error of an event. The error type is the code, which is what OpenAI's
	 * events carry, or the nested {@code error.type} of the Chat Completions shape. The
	 * error is transient when either names a transient failure.
	 */
	static StreamErrorEvent errorEvent(@Nullable String code, @Nullable String type, String message) {
		String errorType = (code != null) ? code : type;
		boolean retryable = StreamErrorEvent.isTransient(code) || StreamErrorEvent.isTransient(type);
		return new StreamErrorEvent(errorType, message, retryable);
	}

	@Nullable private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	@Override
	public boolean isTerminated() {
		return this.terminated;
	}

	@Override
	public boolean isComplete() {
		return this.terminated;
	}

	@Override
	public Object partialResult() {
		return this.accumulator.result();
	}

}
