package work.liaobots.spring.messages;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import work.liaobots.spring.transport.SseData;
import work.liaobots.spring.transport.StreamDecoder;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Reads a Messages stream. Each event is dispatched on the {@code type} inside its data,
 * and the SSE {@code event:} name is used only when the data has no type, because a
 * gateway may strip {@code event:} lines. {@code ping} events are dropped (their bytes
 * still count as activity for the idle limit), an {@code error} event fails the stream,
 * and {@code message_stop} ends it. A stream that reported its stop reason in
 * {@code message_delta} is complete even if {@code message_stop} never comes.
 */
final class MessagesStreamDecoder implements StreamDecoder<MessageStreamEvent> {

	private final ObjectReader reader;

	private final MessageAccumulator accumulator = new MessageAccumulator();

	private boolean terminated;

	private boolean stopped;

	MessagesStreamDecoder(ObjectReader reader) {
		this.reader = reader;
	}

	@Override
	@Nullable public MessageStreamEvent decode(@Nullable String eventName, SseData data) {
		if (data.isDone()) {
			this.terminated = true;
			return null;
		}
		MessageStreamEvent event = data.parse(this.reader);
		if (event.type == null) {
			event.type = MessageStreamEvent.Type.of(eventName);
		}
		if (isError(event)) {
			throw errorEvent(event.error, data);
		}
		if (MessageStreamEvent.Type.PING.equals(event.type)) {
			return null;
		}
		this.accumulator.add(event);
		if (MessageStreamEvent.Type.MESSAGE_STOP.equals(event.type)) {
			this.terminated = true;
		}
		else if (MessageStreamEvent.Type.MESSAGE_DELTA.equals(event.type) && event.delta != null
				&& event.delta.stopReason != null) {
			this.stopped = true;
		}
		return event;
	}

	/**
	 * Returns whether an event reports an error: an Anthropic {@code error} event, or an
	 * untyped event with an {@code error} object, the shape some gateways use.
	 */
	private static boolean isError(MessageStreamEvent event) {
		return MessageStreamEvent.Type.ERROR.equals(event.type) || (event.type == null && event.error != null);
	}

	private static StreamErrorEvent errorEvent(MessageStreamEvent.@Nullable ApiError error, SseData data) {
		if (error == null) {
			return new StreamErrorEvent(null, data.toString(), false);
		}
		String message = (error.message != null) ? error.message : "no error message";
		return new StreamErrorEvent(error.type, message, StreamErrorEvent.isTransient(error.type));
	}

	@Override
	public boolean isTerminated() {
		return this.terminated;
	}

	@Override
	public boolean isComplete() {
		return this.terminated || this.stopped;
	}

	@Override
	public Object partialResult() {
		return this.accumulator.result();
	}

}
