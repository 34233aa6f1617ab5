package work.liaobots.spring.responses;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import work.liaobots.spring.transport.JsonTreeStreamDecoder;
import work.liaobots.spring.transport.SseData;
import work.liaobots.spring.transport.StreamDecoder;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Reads a Responses stream as JSON trees, with the same rules as
 * {@link ResponsesStreamDecoder}: the event type is {@code type} from the data, or the
 * SSE event name when the data has none.
 * <p>
 * The rules of {@link JsonTreeStreamDecoder} see only the tree, so this class keeps the
 * name of the event being decoded for them.
 */
final class RawResponsesStreamDecoder implements StreamDecoder<JsonNode> {

	private final JsonTreeStreamDecoder delegate;

	@Nullable private String eventName;

	RawResponsesStreamDecoder(ObjectReader treeReader) {
		this.delegate = new JsonTreeStreamDecoder(treeReader, this::errorOf, this::isTerminal, (event) -> false);
	}

	@Override
	@Nullable public JsonNode decode(@Nullable String eventName, SseData data) {
		this.eventName = eventName;
		return this.delegate.decode(eventName, data);
	}

	@Nullable private String typeOf(JsonNode event) {
		String type = event.path("type").asString(null);
		return (type != null && !type.isEmpty()) ? type : this.eventName;
	}

	@Nullable private StreamErrorEvent errorOf(JsonNode event) {
		String type = typeOf(event);
		if (ResponseStreamEventType.FAILED.value().equals(type)) {
			JsonNode error = event.path("response").path("error");
			String message = text(error.get("message"));
			return ResponsesStreamDecoder.errorEvent(text(error.get("code")), null,
					(message != null) ? message : "The response failed without a message");
		}
		JsonNode nested = event.path("error");
		boolean hasNested = !nested.isMissingNode() && !nested.isNull();
		if (ResponseStreamEventType.ERROR.value().equals(type) || (type == null && hasNested)) {
			String code = firstText(event.get("code"), nested.get("code"));
			String message = firstText(event.get("message"), nested.get("message"));
			String fallback = (hasNested && !nested.isObject()) ? text(nested)
					: "The stream reported an error without a message";
			return ResponsesStreamDecoder.errorEvent(code, text(nested.get("type")),
					(message != null) ? message : fallback);
		}
		return null;
	}

	private boolean isTerminal(JsonNode event) {
		ResponseStreamEventType type = ResponseStreamEventType.of(typeOf(event));
		return type != null && type.isTerminal();
	}

	@Nullable private static String firstText(@Nullable JsonNode first, @Nullable JsonNode second) {
		String text = text(first);
		return (text != null) ? text : text(second);
	}

	@Nullable private static String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	@Override
	public boolean isTerminated() {
		return this.delegate.isTerminated();
	}

	@Override
	public boolean isComplete() {
		return this.delegate.isComplete();
	}

	@Override
	@Nullable public Object partialResult() {
		return null;
	}

}
