package work.liaobots.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The replies the stub gives when a test scripted nothing: realistic answers in each
 * format, streamed token by token when the request asks for a stream.
 */
final class CannedReplies {

	private static final Pattern TOKEN = Pattern
		.compile("\\p{IsHan}{1,2}\\p{IsPunctuation}?|[^\\s\\p{IsHan}]+\\s*|\\s+");

	/** The id of the tool calls of canned Chat Completions replies. */
	static final String CHAT_CALL_ID = "call_stub_1";

	/** The reasoning of canned replies to requests that ask to see the model think. */
	static final String THINKING_TEXT = "The stub gateway has no model behind it, so this reasoning is canned. "
			+ "It streams before the answer, the way a model shows its thinking. 先想一想，再回答。";

	private volatile String replyText = "Hello from the Liaobots stub gateway. This answer is canned, streamed "
			+ "token by token over a real HTTP connection on 127.0.0.1, so your code sees the same bytes the "
			+ "gateway sends. 你好，这是离线的模拟网关。";

	private volatile Duration tokenDelay = Duration.ZERO;

	void replyText(String text) {
		this.replyText = text;
	}

	String replyText() {
		return this.replyText;
	}

	Duration tokenDelay() {
		return this.tokenDelay;
	}

	void tokenDelay(Duration delay) {
		this.tokenDelay = delay;
	}

	StubResponse chatCompletions(RecordedRequest request) {
		JsonNode body = request.json();
		String model = body.path("model").asString("gpt-4o-mini");
		int promptTokens = estimateTokens(body.path("messages").toString());
		CannedToolCall call = CannedToolCall.chat(body);
		if (call != null) {
			return chatToolCall(body, model, promptTokens, call);
		}
		List<String> tokens = tokens(this.replyText);
		if (!body.path("stream").asBoolean(false)) {
			return StubResponse.json(StubPayloads.chatCompletion(model, this.replyText, promptTokens, tokens.size()));
		}
		StubResponse.SseBuilder stream = StubResponse.sse().data(withModel(StubPayloads.chatRoleChunk(), model));
		for (String token : tokens) {
			stream.pause(this.tokenDelay).data(withModel(StubPayloads.chatChunk(token), model));
		}
		return finishChatStream(body, stream, model, "stop", promptTokens, tokens.size());
	}

	/**
	 * Returns a call of the first declared function, its arguments streamed in pieces
	 * after a first fragment that carries the call id and name, as OpenAI sends them.
	 */
	private StubResponse chatToolCall(JsonNode body, String model, int promptTokens, CannedToolCall call) {
		List<String> pieces = call.argumentPieces();
		if (!body.path("stream").asBoolean(false)) {
			return StubResponse.json(StubPayloads.chatToolCallCompletion(model, CHAT_CALL_ID, call.name(),
					call.arguments(), promptTokens, pieces.size()));
		}
		StubResponse.SseBuilder stream = StubResponse.sse().data(withModel(StubPayloads.chatRoleChunk(), model));
		stream.pause(this.tokenDelay)
			.data(withModel(StubPayloads.chatToolCallChunk(0, CHAT_CALL_ID, call.name(), ""), model));
		for (String piece : pieces) {
			stream.pause(this.tokenDelay).data(withModel(StubPayloads.chatToolCallChunk(0, null, null, piece), model));
		}
		return finishChatStream(body, stream, model, "tool_calls", promptTokens, pieces.size());
	}

	private StubResponse finishChatStream(JsonNode body, StubResponse.SseBuilder stream, String model,
			String finishReason, int promptTokens, int completionTokens) {
		stream.pause(this.tokenDelay).data(withModel(StubPayloads.chatFinishChunk(finishReason), model));
		if (body.path("stream_options").path("include_usage").asBoolean(false)) {
			stream.data(withModel(StubPayloads.chatUsageChunk(promptTokens, completionTokens), model));
		}
		return stream.done().build();
	}

	/**
	 * Splits text the way models stream it: a word with its trailing space per token, and
	 * CJK text, which has no spaces, two characters at a time.
	 */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	static int estimateTokens(String text) {
		return Math.max(1, text.length() / 4);
	}

	static String withModel(String json, String model) {
		ObjectNode node = (ObjectNode) StubPayloads.MAPPER.readTree(json);
		node.put("model", model);
		return node.toString();
	}

}
