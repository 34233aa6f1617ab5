package work.liaobots.spring.test;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The canned reply of the Responses route: a whole response, or, when the request sets
 * {@code stream}, the event sequence OpenAI sends with one text delta per token. Both
 * carry the same text and usage, so a streamed reply folds into the non-streamed one.
 */
public final class ResponsesCannedReplies {

	private ResponsesCannedReplies() {
	}

	/**
	 * Returns the reply to a Responses request.
	 * @param request the recorded request
	 * @param replyText the output text
	 * @param tokenDelay the pause before each text delta of a streamed reply
	 * @return the response
	 */
	public static StubResponse reply(RecordedRequest request, String replyText, Duration tokenDelay) {
		JsonNode body = request.json();
		String model = body.path("model").asString("gpt-4o-mini");
		int inputTokens = CannedReplies
			.estimateTokens(body.path("instructions").asString("") + body.path("input").toString());
		List<String> tokens = CannedReplies.tokens(replyText);
		if (!body.path("stream").asBoolean(false)) {
			return StubResponse.json(StubResponsesPayloads.response(model, replyText, inputTokens, tokens.size()));
		}
		StubResponse.SseBuilder stream = StubResponse.sse();
		for (String event : StubResponsesPayloads
			.sequenced(StubResponsesPayloads.textStreamEvents(model, tokens, inputTokens))) {
			String type = StubResponsesPayloads.typeOf(event);
			if ("response.output_text.delta".equals(type)) {
				stream.pause(tokenDelay);
			}
			stream.event(type, event);
		}
		return stream.build();
	}

}
