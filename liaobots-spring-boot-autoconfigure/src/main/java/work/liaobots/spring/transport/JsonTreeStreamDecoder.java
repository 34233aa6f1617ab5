package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads any format's stream as JSON trees, for the raw variants of the services. The
 * format supplies its {@link Rules}: which event is an error, which is terminal, which
 * completes the answer and which the caller does not see.
 */
public final class JsonTreeStreamDecoder implements StreamDecoder<JsonNode> {

	private final ObjectReader reader;

	private final Rules rules;

	private boolean terminated;

	private boolean complete;

	/**
	 * Creates a decoder.
	 * @param reader a reader for {@link JsonNode}
	 * @param rules the format's rules
	 */
	public JsonTreeStreamDecoder(ObjectReader reader, Rules rules) {
		this.reader = reader;
		this.rules = rules;
	}

	@Override
	@Nullable public JsonNode decode(@Nullable String eventName, SseData data) {
		if (data.isDone()) {
			this.terminated = true;
			return null;
		}
		JsonNode event = data.parse(this.reader);
		String type = typeOf(event, eventName);
		StreamErrorEvent error = this.rules.error(event, type);
		if (error != null) {
			throw error;
		}
		if (this.rules.isHidden(event, type)) {
			return null;
		}
		this.terminated = this.rules.isTerminal(event, type);
		this.complete = this.complete || this.terminated || this.rules.isComplete(event, type);
		return event;
	}

	/**
	 * Returns an event's type: its {@code type} field, or the SSE event name when the
	 * data has none, because a gateway may strip one or the other.
	 */
	@Nullable private static String typeOf(JsonNode event, @Nullable String eventName) {
		String type = event.path("type").asString(null);
		return (type != null && !type.isEmpty()) ? type : eventName;
	}

	@Override
	public boolean isTerminated() {
		return this.terminated;
	}

	@Override
	public boolean isComplete() {
		return this.complete;
	}

	@Override
	@Nullable public Object partialResult() {
		return null;
	}

	/**
	 * A format's rules on raw events. Each method gets the event and its type, the
	 * {@code type} field or else the SSE event name, which formats without types leave
	 * {@code null}.
	 */
	public interface Rules {

		/**
		 * Returns the error an event reports.
		 * @param event the event
		 * @param type its type, or {@code null}
		 * @return the error, or {@code null} for an ordinary event
		 */
		@Nullable default StreamErrorEvent error(JsonNode event, @Nullable String type) {
			return null;
		}

		/**
		 * Returns whether an event is the format's terminal signal.
		 * @param event the event
		 * @param type its type, or {@code null}
		 * @return {@code true} for the terminal signal
		 */
		default boolean isTerminal(JsonNode event, @Nullable String type) {
			return false;
		}

		/**
		 * Returns whether an event completes the answer without a terminal signal.
		 * @param event the event
		 * @param type its type, or {@code null}
		 * @return {@code true} if ending after it loses nothing
		 */
		default boolean isComplete(JsonNode event, @Nullable String type) {
			return false;
		}

		/**
		 * Returns whether the caller should not see an event, such as a keep-alive.
		 * @param event the event
		 * @param type its type, or {@code null}
		 * @return {@code true} to drop it
		 */
		default boolean isHidden(JsonNode event, @Nullable String type) {
			return false;
		}

	}

}
