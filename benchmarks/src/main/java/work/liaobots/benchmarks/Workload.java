package work.liaobots.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubMessagesPayloads;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponsesPayloads;

/**
 * The response bodies the benchmark server sends, and what a client must read from them.
 * <p>
 * Streams carry one short text token per event, in the wire shapes of the stub gateway's
 * payload builders, so every client reads realistic events. Tokens mix ASCII words with
 * two-character CJK pieces, so UTF-8 decoding is exercised. The image is seeded random
 * bytes, which do not compress, like a real PNG.
 */
final class Workload {

	static final String IMAGE_MIME_TYPE = "image/png";

	private static final String[] TOKENS = { "Hello ", "world, ", "this ", "is ", "a ", "stream ", "of ", "tokens. ",
			"你好", "世界" };

	private static final long IMAGE_SEED = 20_240_601L;

	private Workload() {
	}

	/**
	 * The four wire formats and how a model reaches each.
	 */
	enum Format {

		CHAT("/v1/chat/completions"), RESPONSES("/v1/responses"), MESSAGES("/v1/messages"), GEMINI("/v1beta/models/");

		private final String path;

		Format(String path) {
			this.path = path;
		}

		/**
		 * Returns whether a request URI belongs to this format.
		 */
		boolean matches(String uri) {
			return uri.startsWith(this.path);
		}

		/**
		 * Returns the request path of a streaming call for {@code model}.
		 */
		String streamPath(String model) {
			return (this == GEMINI) ? this.path + model + ":streamGenerateContent?alt=sse" : this.path;
		}

		/**
		 * Returns a minimal request body naming {@code model}, as each format expects it.
		 */
		String streamBody(String model) {
			return switch (this) {
				case CHAT -> "{\"model\":\"" + model
						+ "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Count\"}]}";
				case RESPONSES -> "{\"model\":\"" + model + "\",\"stream\":true,\"input\":\"Count\"}";
				case MESSAGES -> "{\"model\":\"" + model
						+ "\",\"stream\":true,\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Count\"}]}";
				case GEMINI -> "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Count\"}]}]}";
			};
		}

		/**
		 * Returns how many typed events the starter delivers for a stream of
		 * {@code tokens} tokens. The raw baseline parses the same number of events.
		 */
		int events(int tokens) {
			return switch (this) {
				case CHAT -> tokens + 3;
				case RESPONSES -> tokens + 8;
				case MESSAGES -> tokens + 5;
				case GEMINI -> tokens;
			};
		}

	}

	static String token(int index) {
		return TOKENS[index % TOKENS.length];
	}

	/**
	 * Returns the text a stream of {@code tokens} tokens adds up to.
	 */
	static String text(int tokens) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < tokens; i++) {
			text.append(token(i));
		}
		return text.toString();
	}

	static List<String> tokens(int count) {
		List<String> tokens = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			tokens.add(token(i));
		}
		return tokens;
	}

	/**
	 * Returns the SSE body of a text stream of {@code tokens} tokens.
	 */
	static byte[] stream(Format format, String model, int tokens) {
		String body = switch (format) {
			case CHAT -> chatStream(model, tokens);
			case RESPONSES ->
				StubResponsesPayloads.body(StubResponsesPayloads.textStreamEvents(model, tokens(tokens), 9));
			case MESSAGES -> messagesStream(model, tokens);
			case GEMINI -> geminiStream(tokens);
		};
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String chatStream(String model, int tokens) {
		StringBuilder body = new StringBuilder();
		data(body, withModel(StubPayloads.chatRoleChunk(), model));
		for (int i = 0; i < tokens; i++) {
			data(body, withModel(StubPayloads.chatChunk(token(i)), model));
		}
		data(body, withModel(StubPayloads.chatFinishChunk("stop"), model));
		data(body, withModel(StubPayloads.chatUsageChunk(9, tokens), model));
		data(body, "[DONE]");
		return body.toString();
	}

	private static String withModel(String json, String model) {
		return json.replace("\"model\":\"gpt-4o-mini\"", "\"model\":\"" + model + "\"");
	}

	private static String messagesStream(String model, int tokens) {
		StringBuilder body = new StringBuilder();
		event(body, "message_start", StubMessagesPayloads.messageStart(model, 9));
		event(body, "content_block_start", StubMessagesPayloads.textBlockStart(0));
		for (int i = 0; i < tokens; i++) {
			event(body, "content_block_delta", StubMessagesPayloads.textDelta(0, token(i)));
		}
		event(body, "content_block_stop", StubMessagesPayloads.contentBlockStop(0));
		event(body, "message_delta", StubMessagesPayloads.messageDelta("end_turn", tokens));
		event(body, "message_stop", StubMessagesPayloads.messageStop());
		return body.toString();
	}

	private static String geminiStream(int tokens) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < tokens - 1; i++) {
			data(body, StubGeminiPayloads.textChunk(token(i)));
		}
		data(body, StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart(token(tokens - 1))), "STOP",
				StubGeminiPayloads.usage(9, tokens, 0)));
		return body.toString();
	}

	/**
	 * Returns a Gemini response with a short text and an image of {@code size} decoded
	 * bytes, as an SSE stream or as one JSON body.
	 */
	static byte[] image(int size, boolean streamed) {
		byte[] image = imageBytes(size);
		String text = "Here is the picture.";
		if (!streamed) {
			return StubGeminiPayloads
				.response(
						List.of(StubGeminiPayloads.textPart(text),
								StubGeminiPayloads.inlineDataPart(IMAGE_MIME_TYPE, image)),
						"STOP", StubGeminiPayloads.usage(9, 1290, 0))
				.getBytes(StandardCharsets.UTF_8);
		}
		StringBuilder body = new StringBuilder();
		data(body, StubGeminiPayloads.textChunk(text));
		data(body, StubGeminiPayloads.response(List.of(StubGeminiPayloads.inlineDataPart(IMAGE_MIME_TYPE, image)), null,
				null));
		data(body, StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("")), "STOP",
				StubGeminiPayloads.usage(9, 1290, 0)));
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] imageBytes(int size) {
		byte[] image = new byte[size];
		new SplittableRandom(IMAGE_SEED).nextBytes(image);
		return image;
	}

	/**
	 * Returns the CRC-32 of the image of {@code size} bytes, for checking what a client
	 * decoded without keeping a second copy of the image.
	 */
	static long imageChecksum(int size) {
		return checksum(imageBytes(size));
	}

	static long checksum(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	private static void data(StringBuilder body, String json) {
		body.append("data: ").append(json).append("\n\n");
	}

	private static void event(StringBuilder body, String name, String json) {
		body.append("event: ").append(name).append('\n');
		data(body, json);
	}

}
