package work.liaobots.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The canned reply of the Responses route: a whole response, or, when the request sets
 * {@code stream}, the event sequence OpenAI sends with one text delta per token. Both
 * carry the same text and usage, so a streamed reply folds into the non-streamed one.
 * <p>
 * A request that declares a function tool, and does not end with a
 * {@code function_call_output}, gets a call of its first function instead, with arguments
 * made up from the function's parameter schema.
 */
public final class ResponsesCannedReplies {

	/** The call id of the function calls of canned replies. */
	static final String CALL_ID = "call_stub_1";

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
		CannedToolCall call = CannedToolCall.responses(body);
		if (call != null) {
			return functionCall(body, model, inputTokens, call, tokenDelay);
		}
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

	/**
	 * Returns a call of the first declared function: a whole response, or the events
	 * OpenAI streams for it with one arguments delta per piece.
	 */
	private static StubResponse functionCall(JsonNode body, String model, int inputTokens, CannedToolCall call,
			Duration tokenDelay) {
		List<String> pieces = call.argumentPieces();
		String response = StubResponsesPayloads.functionCallResponse(model, CALL_ID, call.name(), call.arguments(),
				inputTokens, pieces.size());
		if (!body.path("stream").asBoolean(false)) {
			return StubResponse.json(response);
		}
		String itemId = StubResponsesPayloads.FUNCTION_CALL_ID;
		List<String> events = new ArrayList<>();
		events.add(StubResponsesPayloads.created(model));
		events.add(StubResponsesPayloads.inProgress(model));
		events.add(StubResponsesPayloads.functionCallAdded(0, itemId, CALL_ID, call.name()));
		pieces.forEach((piece) -> events.add(StubResponsesPayloads.argumentsDelta(itemId, 0, piece)));
		events.add(StubResponsesPayloads.argumentsDone(itemId, 0, call.name(), call.arguments()));
		events.add(StubResponsesPayloads.functionCallDone(0, itemId, CALL_ID, call.name(), call.arguments()));
		events.add(StubResponsesPayloads.completed(response));
		StubResponse.SseBuilder stream = StubResponse.sse();
		for (String event : StubResponsesPayloads.sequenced(events)) {
			String type = StubResponsesPayloads.typeOf(event);
			if ("response.function_call_arguments.delta".equals(type)) {
				stream.pause(tokenDelay);
			}
			stream.event(type, event);
		}
		return stream.build();
	}

}
