package work.liaobots.spring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stub's Gemini replies, shaped like Google's. {@code :generateContent} gets a whole
 * {@code GenerateContentResponse}. {@code :streamGenerateContent?alt=sse} gets one
 * CRLF-framed event per token, with the usage so far on every event and
 * {@code finishReason: STOP} on the last. Without {@code alt=sse} the same chunks come as
 * one JSON array.
 * <p>
 * A request whose {@code generationConfig.responseModalities} contains {@code IMAGE} also
 * gets a PNG drawn by the stub, sized by {@code imageConfig}: the long side is 1024
 * pixels per K of {@code imageSize}, the short side follows {@code aspectRatio}. The
 * image follows the text part, and in a stream it comes in its own last event.
 * <p>
 * A request that sets {@code thinkingConfig.includeThoughts} gets canned thought parts
 * first, one per event in a stream. A request that declares a function, and does not end
 * with a {@code functionResponse}, gets a call of its first function instead of text,
 * with arguments made up from the function's schema, in one event as Gemini sends it.
 */
public final class GeminiCannedReplies {

	/**
	 * Image tokens reported per generated image.
	 * <p>
	 * NOTE: an invented figure. How Gemini counts image output tokens per resolution is
	 * not established.
	 */
	static final int IMAGE_TOKENS = 1290;

	/** The thought signature of function calls in replies that include thoughts. */
	static final String THOUGHT_SIGNATURE = "CiQBStubGatewayThoughtSignature";

	private static final String MODELS_SEGMENT = "/models/";

	private GeminiCannedReplies() {
	}

	/**
	 * Returns the reply to a Gemini request.
	 * @param request the recorded request
	 * @param replyText the text of the reply
	 * @param tokenDelay the pause between stream events
	 * @return the response
	 */
	public static StubResponse reply(RecordedRequest request, String replyText, Duration tokenDelay) {
		JsonNode body;
		try {
			body = request.json();
		}
		catch (JacksonException ex) {
			return StubResponse.json(400, StubGeminiPayloads.error(400, "INVALID_ARGUMENT",
					"Invalid JSON payload received. " + ex.getOriginalMessage()));
		}
		Reply reply = new Reply(request, body, replyText);
		if (!request.path().endsWith(":streamGenerateContent")) {
			return StubResponse.json(reply.whole());
		}
		if (!"sse".equals(request.queryParameter("alt"))) {
			return StubResponse.body(200, "application/json; charset=UTF-8",
					StubGeminiPayloads.jsonArrayStream(reply.chunks()));
		}
		StubResponse.SseBuilder stream = StubResponse.sse().crlf();
		List<String> chunks = reply.chunks();
		for (int i = 0; i < chunks.size(); i++) {
			stream.pause((i == 0) ? Duration.ZERO : tokenDelay).data(chunks.get(i));
		}
		return stream.build();
	}

	/**
	 * Returns the model named in a request path such as
	 * {@code /v1beta/models/gemini-2.5-flash:generateContent}.
	 * @param path the request path, percent-encoded
	 * @return the model name, decoded
	 */
	static String model(String path) {
		int start = path.indexOf(MODELS_SEGMENT);
		int end = path.lastIndexOf(':');
		if (start < 0 || end <= start) {
			return StubGeminiPayloads.MODEL_VERSION;
		}
		return URLDecoder.decode(path.substring(start + MODELS_SEGMENT.length(), end), StandardCharsets.UTF_8);
	}

	/**
	 * The reply to one request, as a whole response or as stream chunks with the same
	 * content.
	 */
	private static final class Reply {

		private final String model;

		private final String responseId;

		private final String text;

		private final int promptTokens;

		private final byte[] image;

		private final List<String> thoughts;

		private final CannedToolCall call;

		Reply(RecordedRequest request, JsonNode body, String text) {
			this.model = model(request.path());
			this.responseId = "stub-" + Integer.toHexString(Arrays.hashCode(request.body()));
			this.text = text;
			this.promptTokens = CannedReplies.estimateTokens(field(body, "contents", "contents").toString());
			this.image = wantsImage(body) ? image(body) : null;
			this.thoughts = wantsThoughts(body) ? CannedReplies.tokens(CannedReplies.THINKING_TEXT) : List.of();
			this.call = CannedToolCall.gemini(body);
		}

		String whole() {
			List<ObjectNode> parts = new ArrayList<>();
			if (!this.thoughts.isEmpty()) {
				parts.add(StubGeminiPayloads.thoughtPart(CannedReplies.THINKING_TEXT));
			}
			if (this.call != null) {
				parts.add(functionCallPart());
				return response(parts, "STOP", 1);
			}
			parts.add(StubGeminiPayloads.textPart(this.text));
			if (this.image != null) {
				parts.add(StubGeminiPayloads.inlineDataPart("image/png", this.image));
			}
			int outputTokens = CannedReplies.tokens(this.text).size() + imageTokens();
			return response(parts, "STOP", outputTokens);
		}

		List<String> chunks() {
			List<String> chunks = new ArrayList<>();
			for (String thought : this.thoughts) {
				chunks.add(response(List.of(StubGeminiPayloads.thoughtPart(thought)), null, 0));
			}
			if (this.call != null) {
				chunks.add(response(List.of(functionCallPart()), "STOP", 1));
				return chunks;
			}
			List<String> tokens = CannedReplies.tokens(this.text);
			if (tokens.isEmpty()) {
				tokens = List.of("");
			}
			for (int i = 0; i < tokens.size(); i++) {
				boolean last = (i == tokens.size() - 1) && this.image == null;
				chunks.add(response(List.of(StubGeminiPayloads.textPart(tokens.get(i))), last ? "STOP" : null, i + 1));
			}
			if (this.image != null) {
				chunks.add(response(List.of(StubGeminiPayloads.inlineDataPart("image/png", this.image)), "STOP",
						tokens.size() + IMAGE_TOKENS));
			}
			return chunks;
		}

		/**
		 * Returns the function call part, which carries a thought signature when the
		 * request asked for thoughts, as Gemini's thinking models send it.
		 */
		private ObjectNode functionCallPart() {
			String signature = this.thoughts.isEmpty() ? null : THOUGHT_SIGNATURE;
			return StubGeminiPayloads.functionCallPart(this.call.name(), this.call.arguments(), signature);
		}

		private String response(List<ObjectNode> parts, String finishReason, int outputTokens) {
			return StubGeminiPayloads.response(this.model, this.responseId, parts, finishReason,
					StubGeminiPayloads.usage(this.promptTokens, outputTokens, this.thoughts.size()));
		}

		private int imageTokens() {
			return (this.image != null) ? IMAGE_TOKENS : 0;
		}

		private static boolean wantsImage(JsonNode body) {
			JsonNode config = field(body, "generationConfig", "generation_config");
			for (JsonNode modality : field(config, "responseModalities", "response_modalities")) {
				if ("IMAGE".equals(modality.asString("").toUpperCase(Locale.ROOT))) {
					return true;
				}
			}
			return false;
		}

		private static boolean wantsThoughts(JsonNode body) {
			JsonNode config = field(field(body, "generationConfig", "generation_config"), "thinkingConfig",
					"thinking_config");
			return field(config, "includeThoughts", "include_thoughts").asBoolean(false);
		}

		private static byte[] image(JsonNode body) {
			JsonNode config = field(field(body, "generationConfig", "generation_config"), "imageConfig",
					"image_config");
			String aspectRatio = field(config, "aspectRatio", "aspect_ratio").asString("1:1");
			String imageSize = field(config, "imageSize", "image_size").asString("1K");
			return StubImages.png(prompt(body), aspectRatio, imageSize);
		}

		/**
		 * Returns the text of the last user turn, the prompt the image shows.
		 */
		private static String prompt(JsonNode body) {
			JsonNode contents = field(body, "contents", "contents");
			for (int i = contents.size() - 1; i >= 0; i--) {
				JsonNode content = contents.get(i);
				String role = content.path("role").asString("user");
				if (role.equals("user")) {
					StringBuilder text = new StringBuilder();
					content.path("parts").forEach((part) -> text.append(part.path("text").asString("")));
					return text.toString();
				}
			}
			return "";
		}

		/**
		 * Reads a field by its lowerCamelCase or snake_case name: Google's API accepts
		 * both.
		 */
		private static JsonNode field(JsonNode node, String camelCase, String snakeCase) {
			JsonNode value = node.path(camelCase);
			return value.isMissingNode() ? node.path(snakeCase) : value;
		}

	}

}
