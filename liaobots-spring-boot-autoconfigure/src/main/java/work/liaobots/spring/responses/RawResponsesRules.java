package work.liaobots.spring.responses;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import work.liaobots.spring.json.JsonNodes;
import work.liaobots.spring.transport.JsonTreeStreamDecoder;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Rules of a raw Responses stream, the same as {@link ResponsesStreamDecoder} applies to
 * typed events: {@code response.failed} and {@code error} fail the stream, and the
 * completed, incomplete and done events end it.
 */
final class RawResponsesRules implements JsonTreeStreamDecoder.Rules {

	@Override
	@Nullable public StreamErrorEvent error(JsonNode event, @Nullable String type) {
		if (ResponseStreamEventType.FAILED.value().equals(type)) {
			JsonNode error = event.path("response").path("error");
			String message = JsonNodes.text(error.get("message"));
			return ResponsesStreamDecoder.errorEvent(JsonNodes.text(error.get("code")), null,
					(message != null) ? message : "The response failed without a message");
		}
		JsonNode nested = event.path("error");
		boolean hasNested = !nested.isMissingNode() && !nested.isNull();
		if (ResponseStreamEventType.ERROR.value().equals(type) || (type == null && hasNested)) {
			String code = firstText(event.get("code"), nested.get("code"));
			String message = firstText(event.get("message"), nested.get("message"));
			String fallback = (hasNested && !nested.isObject()) ? JsonNodes.text(nested)
					: "The stream reported an error without a message";
			return ResponsesStreamDecoder.errorEvent(code, JsonNodes.text(nested.get("type")),
					(message != null) ? message : fallback);
		}
		return null;
	}

	@Override
	public boolean isTerminal(JsonNode event, @Nullable String type) {
		ResponseStreamEventType eventType = ResponseStreamEventType.of(type);
		return eventType != null && eventType.isTerminal();
	}

	@Nullable private static String firstText(@Nullable JsonNode first, @Nullable JsonNode second) {
		String text = JsonNodes.text(first);
		return (text != null) ? text : JsonNodes.text(second);
	}

}
