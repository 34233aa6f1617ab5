package work.liaobots.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Responses of the Anthropic Messages surface: a canned reply like the real API sends,
 * and scripted streams with tool use or thinking for tests.
 * <p>
 * Streams look like Anthropic's: every event has an {@code event:} line naming its type,
 * a {@code ping} follows {@code message_start}, text arrives one token per
 * {@code text_delta}, and {@code message_delta} (stop reason and final output count)
 * comes before the closing {@code message_stop}.
 */
public final class MessagesCannedReplies {

	/** The id of the tool use of canned replies. */
	static final String TOOL_USE_ID = "toolu_01StubGatewayToolUse";

	/** The signature of the thinking block of canned replies. */
	static final String THINKING_SIGNATURE = "EqQBCgIYAhIMStubGatewaySignature";

	private MessagesCannedReplies() {
	}

	/**
	 * Returns the response to a Messages request with {@code replyText}: a whole message,
	 * or a stream when the request sets {@code "stream": true}. Like the API, it returns
	 * 400 when {@code max_tokens} or the {@code anthropic-version} header is missing.
	 * <p>
	 * A request that enables {@code thinking} gets a canned thinking block first. A
	 * request that declares a tool the caller runs, and does not end with a tool result,
	 * gets a {@code tool_use} of its first such tool instead of text, with arguments made
	 * up from the tool's input schema.
	 * @param request the recorded request
	 * @param replyText the reply text
	 * @param tokenDelay the pause before each streamed token, zero for none
	 * @return the response
	 */
	public static StubResponse reply(RecordedRequest request, String replyText, Duration tokenDelay) {
		if (request.header("anthropic-version") == null) {
			return invalidRequest("anthropic-version: header is required");
		}
		JsonNode body = request.json();
		if (!body.hasNonNull("max_tokens")) {
			return invalidRequest("max_tokens: Field required");
		}
		String model = body.path("model").asString(StubMessagesPayloads.DEFAULT_MODEL);
		return cannedReply(body, model, inputTokens(body), replyText, CannedToolCall.messages(body), tokenDelay);
	}

	/**
	 * Returns a reply that opens with a thinking block when the request enables thinking,
	 * and then either calls a tool or replies with text. Its output count is the number
	 * of streamed pieces.
	 */
	private static StubResponse cannedReply(JsonNode body, String model, int inputTokens, String replyText,
			CannedToolCall call, Duration tokenDelay) {
		List<String> thinking = wantsThinking(body) ? CannedReplies.tokens(CannedReplies.THINKING_TEXT) : List.of();
		List<String> pieces = (call != null) ? call.argumentPieces() : CannedReplies.tokens(replyText);
		String stopReason = (call != null) ? "tool_use" : "end_turn";
		int outputTokens = thinking.size() + pieces.size();
		if (!body.path("stream").asBoolean(false)) {
			List<String> blocks = new ArrayList<>();
			if (!thinking.isEmpty()) {
				blocks.add(StubMessagesPayloads.thinkingBlock(CannedReplies.THINKING_TEXT, THINKING_SIGNATURE));
			}
			blocks.add((call != null) ? StubMessagesPayloads.toolUseBlock(TOOL_USE_ID, call.name(), call.arguments())
					: StubMessagesPayloads.textBlock(replyText));
			return StubResponse
				.json(StubMessagesPayloads.message(model, blocks, stopReason, inputTokens, outputTokens));
		}
		StubResponse.SseBuilder stream = start(model, inputTokens);
		int index = 0;
		if (!thinking.isEmpty()) {
			appendThinking(stream, index++, thinking, tokenDelay);
		}
		if (call != null) {
			appendToolUse(stream, index, call, tokenDelay);
		}
		else {
			appendText(stream, index, pieces, tokenDelay);
		}
		return finish(stream, stopReason, outputTokens);
	}

	/**
	 * Returns a stream with one text block, one {@code text_delta} per token, that ends
	 * its turn. Its output count is the number of tokens.
	 * @param model the model
	 * @param tokens the text pieces
	 * @param inputTokens input tokens
	 * @param tokenDelay the pause before each token
	 * @return the response
	 */
	public static StubResponse textStream(String model, List<String> tokens, int inputTokens, Duration tokenDelay) {
		StubResponse.SseBuilder stream = start(model, inputTokens);
		appendText(stream, 0, tokens, tokenDelay);
		return finish(stream, "end_turn", tokens.size());
	}

	/**
	 * Returns a stream with a short text block and a tool use whose input arrives in
	 * pieces, first an empty one as the API sends it, and stops with {@code tool_use}.
	 * The whole-message twin is {@code StubMessagesPayloads.message(model,
	 * List.of(textBlock(text), toolUseBlock(toolId, toolName, join(inputPieces))),
	 * "tool_use", inputTokens, outputTokens)}.
	 * @param model the model
	 * @param text the text before the tool use
	 * @param toolId the tool use id
	 * @param toolName the tool name
	 * @param inputPieces the input JSON cut into pieces
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the response
	 */
	public static StubResponse toolUseStream(String model, String text, String toolId, String toolName,
			List<String> inputPieces, int inputTokens, int outputTokens) {
		StubResponse.SseBuilder stream = start(model, inputTokens);
		appendText(stream, 0, List.of(text), Duration.ZERO);
		event(stream, StubMessagesPayloads.toolUseBlockStart(1, toolId, toolName));
		event(stream, StubMessagesPayloads.inputJsonDelta(1, ""));
		inputPieces.forEach((piece) -> event(stream, StubMessagesPayloads.inputJsonDelta(1, piece)));
		event(stream, StubMessagesPayloads.contentBlockStop(1));
		return finish(stream, "tool_use", outputTokens);
	}

	/**
	 * Returns a stream with a thinking block, whose reasoning arrives in pieces followed
	 * by its signature, and a text block, and ends its turn. The whole-message twin is
	 * {@code StubMessagesPayloads.message(model, List.of(thinkingBlock(join(thinkingPieces),
	 * signature), textBlock(text)), "end_turn", inputTokens, outputTokens)}.
	 * @param model the model
	 * @param thinkingPieces the reasoning cut into pieces
	 * @param signature the signature
	 * @param text the reply text
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the response
	 */
	public static StubResponse thinkingStream(String model, List<String> thinkingPieces, String signature, String text,
			int inputTokens, int outputTokens) {
		StubResponse.SseBuilder stream = start(model, inputTokens);
		event(stream, StubMessagesPayloads.thinkingBlockStart(0));
		thinkingPieces.forEach((piece) -> event(stream, StubMessagesPayloads.thinkingDelta(0, piece)));
		event(stream, StubMessagesPayloads.signatureDelta(0, signature));
		event(stream, StubMessagesPayloads.contentBlockStop(0));
		appendText(stream, 1, CannedReplies.tokens(text), Duration.ZERO);
		return finish(stream, "end_turn", outputTokens);
	}

	private static void appendThinking(StubResponse.SseBuilder stream, int index, List<String> pieces,
			Duration tokenDelay) {
		event(stream, StubMessagesPayloads.thinkingBlockStart(index));
		for (String piece : pieces) {
			stream.pause(tokenDelay);
			event(stream, StubMessagesPayloads.thinkingDelta(index, piece));
		}
		event(stream, StubMessagesPayloads.signatureDelta(index, THINKING_SIGNATURE));
		event(stream, StubMessagesPayloads.contentBlockStop(index));
	}

	private static void appendToolUse(StubResponse.SseBuilder stream, int index, CannedToolCall call,
			Duration tokenDelay) {
		event(stream, StubMessagesPayloads.toolUseBlockStart(index, TOOL_USE_ID, call.name()));
		event(stream, StubMessagesPayloads.inputJsonDelta(index, ""));
		for (String piece : call.argumentPieces()) {
			stream.pause(tokenDelay);
			event(stream, StubMessagesPayloads.inputJsonDelta(index, piece));
		}
		event(stream, StubMessagesPayloads.contentBlockStop(index));
	}

	private static boolean wantsThinking(JsonNode body) {
		String type = body.path("thinking").path("type").asString("");
		return "enabled".equals(type) || "adaptive".equals(type);
	}

	private static StubResponse.SseBuilder start(String model, int inputTokens) {
		StubResponse.SseBuilder stream = StubResponse.sse();
		event(stream, StubMessagesPayloads.messageStart(model, inputTokens));
		return event(stream, StubMessagesPayloads.ping());
	}

	private static void appendText(StubResponse.SseBuilder stream, int index, List<String> tokens,
			Duration tokenDelay) {
		event(stream, StubMessagesPayloads.textBlockStart(index));
		for (String token : tokens) {
			stream.pause(tokenDelay);
			event(stream, StubMessagesPayloads.textDelta(index, token));
		}
		event(stream, StubMessagesPayloads.contentBlockStop(index));
	}

	private static StubResponse finish(StubResponse.SseBuilder stream, String stopReason, int outputTokens) {
		event(stream, StubMessagesPayloads.messageDelta(stopReason, outputTokens));
		return event(stream, StubMessagesPayloads.messageStop()).build();
	}

	/**
	 * Adds an event whose {@code event:} line repeats the data's {@code type}, as
	 * Anthropic sends it.
	 */
	private static StubResponse.SseBuilder event(StubResponse.SseBuilder stream, String json) {
		String type = StubPayloads.MAPPER.readTree(json).path("type").asString();
		return stream.event(type, json);
	}

	private static int inputTokens(JsonNode body) {
		String system = body.has("system") ? body.get("system").toString() : "";
		return CannedReplies.estimateTokens(system + body.path("messages"));
	}

	private static StubResponse invalidRequest(String message) {
		return StubResponse.json(400,
				StubMessagesPayloads.error("invalid_request_error", message, "req_01StubGatewayInvalid"));
	}

}
