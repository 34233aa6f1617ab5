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
		List<String> tokens = tokens(this.replyText);
		if (!body.path("stream").asBoolean(false)) {
			return StubResponse.json(StubPayloads.chatCompletion(model, this.replyText, promptTokens, tokens.size()));
		}
		StubResponse.SseBuilder stream = StubResponse.sse().data(withModel(StubPayloads.chatRoleChunk(), model));
		for (String token : tokens) {
			stream.pause(this.tokenDelay).data(withModel(StubPayloads.chatChunk(token), model));
		}
		stream.pause(this.tokenDelay).data(withModel(StubPayloads.chatFinishChunk("stop"), model));
		if (body.path("stream_options").path("include_usage").asBoolean(false)) {
			stream.data(withModel(StubPayloads.chatUsageChunk(promptTokens, tokens.size()), model));
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
