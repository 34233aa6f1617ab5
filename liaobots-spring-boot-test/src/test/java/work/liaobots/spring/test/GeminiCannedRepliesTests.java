package work.liaobots.spring.test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiCannedRepliesTests {

	private static final String TEXT = "Hello there, 你好。";

	private static final String PATH = "/v1beta/models/gemini-2.5-flash";

	@Test
	void generateContentReturnsWholeResponse() {
		StubResponse response = GeminiCannedReplies.reply(request(PATH + ":generateContent", "", textBody()), TEXT,
				Duration.ZERO);
		JsonNode body = json(response.bodyBytes());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("content-type")).isEqualTo("application/json");
		JsonNode candidate = body.path("candidates").get(0);
		assertThat(candidate.path("content").path("role").asString()).isEqualTo("model");
		assertThat(candidate.path("content").path("parts").get(0).path("text").asString()).isEqualTo(TEXT);
		assertThat(candidate.path("finishReason").asString()).isEqualTo("STOP");
		assertThat(body.path("modelVersion").asString()).isEqualTo("gemini-2.5-flash");
		assertThat(body.path("usageMetadata").path("candidatesTokenCount").asInt())
			.isEqualTo(CannedReplies.tokens(TEXT).size());
	}

	@Test
	void streamSendsCrlfEventsWithUsageOnEach() {
		StubResponse response = GeminiCannedReplies
			.reply(request(PATH + ":streamGenerateContent", "alt=sse", textBody()), TEXT, Duration.ZERO);
		String stream = new String(response.bodyBytes(), StandardCharsets.UTF_8);
		List<JsonNode> events = sseEvents(stream);
		assertThat(response.headers().get("content-type")).isEqualTo("text/event-stream");
		assertThat(stream).endsWith("\r\n\r\n").doesNotContain("[DONE]");
		assertThat(events).hasSize(CannedReplies.tokens(TEXT).size());
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < events.size(); i++) {
			JsonNode candidate = events.get(i).path("candidates").get(0);
			text.append(candidate.path("content").path("parts").get(0).path("text").asString());
			assertThat(events.get(i).path("usageMetadata").path("candidatesTokenCount").asInt()).isEqualTo(i + 1);
			boolean last = (i == events.size() - 1);
			assertThat(candidate.has("finishReason")).as("finishReason on event %d", i).isEqualTo(last);
		}
		assertThat(text.toString()).isEqualTo(TEXT);
		assertThat(events.get(events.size() - 1).path("candidates").get(0).path("finishReason").asString())
			.isEqualTo("STOP");
	}

	@Test
	void streamWithoutAltSseIsJsonArray() {
		StubResponse response = GeminiCannedReplies.reply(request(PATH + ":streamGenerateContent", "", textBody()),
				TEXT, Duration.ZERO);
		JsonNode body = json(response.bodyBytes());
		assertThat(response.headers().get("content-type")).startsWith("application/json");
		assertThat(body.isArray()).isTrue();
		assertThat(body.size()).isEqualTo(CannedReplies.tokens(TEXT).size());
	}

	@Test
	void imageSizeFollowsImageConfig() throws IOException {
		Map<String, int[]> cases = Map.of("\"aspectRatio\":\"1:1\",\"imageSize\":\"1K\"", new int[] { 1024, 1024 },
				"\"aspectRatio\":\"16:9\",\"imageSize\":\"2K\"", new int[] { 2048, 1152 }, "\"aspectRatio\":\"9:16\"",
				new int[] { 576, 1024 }, "\"imageSize\":\"2k\"", new int[] { 2048, 2048 },
				"\"aspectRatio\":\"21:9\",\"imageSize\":\"4K\"", new int[] { 4096, 1755 });
		for (Map.Entry<String, int[]> entry : cases.entrySet()) {
			BufferedImage image = decode(imagePart(whole(imageBody("A red kite", "{" + entry.getKey() + "}"))));
			assertThat(image.getWidth()).as("width for %s", entry.getKey()).isEqualTo(entry.getValue()[0]);
			assertThat(image.getHeight()).as("height for %s", entry.getKey()).isEqualTo(entry.getValue()[1]);
		}
	}

	@Test
	void imageWithoutImageConfigIsSquare1K() throws IOException {
		BufferedImage image = decode(imagePart(whole(imageBody("A red kite", null))));
		assertThat(image.getWidth()).isEqualTo(1024);
		assertThat(image.getHeight()).isEqualTo(1024);
	}

	@Test
	void imageFollowsTextAsPngPart() {
		JsonNode parts = whole(imageBody("A red kite", null)).path("candidates").get(0).path("content").path("parts");
		assertThat(parts.size()).isEqualTo(2);
		assertThat(parts.get(0).path("text").asString()).isEqualTo(TEXT);
		assertThat(parts.get(1).path("inlineData").path("mimeType").asString()).isEqualTo("image/png");
	}

	@Test
	void sameImagePromptGivesSameBytes() {
		String first = imagePart(whole(imageBody("A red kite", null))).path("data").asString();
		String second = imagePart(whole(imageBody("A red kite", null))).path("data").asString();
		String other = imagePart(whole(imageBody("A blue kite", null))).path("data").asString();
		assertThat(first).isEqualTo(second);
		assertThat(first).isNotEqualTo(other);
	}

	@Test
	void streamedImageComesLastWithStop() {
		StubResponse response = GeminiCannedReplies.reply(
				request(PATH + ":streamGenerateContent", "alt=sse", imageBody("A red kite", null)), TEXT,
				Duration.ZERO);
		List<JsonNode> events = sseEvents(new String(response.bodyBytes(), StandardCharsets.UTF_8));
		JsonNode last = events.get(events.size() - 1).path("candidates").get(0);
		assertThat(events).hasSize(CannedReplies.tokens(TEXT).size() + 1);
		assertThat(last.path("content").path("parts").get(0).has("inlineData")).isTrue();
		assertThat(last.path("finishReason").asString()).isEqualTo("STOP");
		for (JsonNode event : events.subList(0, events.size() - 1)) {
			assertThat(event.path("candidates").get(0).has("finishReason")).isFalse();
			assertThat(event.path("candidates").get(0).path("content").path("parts").get(0).has("text")).isTrue();
		}
	}

	@Test
	void snakeCaseModalitiesAlsoAskForImage() {
		String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"A kite\"}]}],"
				+ "\"generation_config\":{\"response_modalities\":[\"text\",\"image\"]}}";
		JsonNode parts = whole(body).path("candidates").get(0).path("content").path("parts");
		assertThat(parts.size()).isEqualTo(2);
	}

	@Test
	void modelComesFromThePath() {
		assertThat(GeminiCannedReplies.model("/v1beta/models/gemini-3-pro-image-preview:generateContent"))
			.isEqualTo("gemini-3-pro-image-preview");
		assertThat(GeminiCannedReplies.model("/prefix/v1beta/models/tuned%2Fmodel:streamGenerateContent"))
			.isEqualTo("tuned/model");
	}

	@Test
	void invalidJsonGetsInvalidArgument() {
		StubResponse response = GeminiCannedReplies.reply(request(PATH + ":generateContent", "", "{not json"), TEXT,
				Duration.ZERO);
		JsonNode body = json(response.bodyBytes());
		assertThat(response.status()).isEqualTo(400);
		assertThat(body.path("error").path("status").asString()).isEqualTo("INVALID_ARGUMENT");
		assertThat(body.path("error").path("code").asInt()).isEqualTo(400);
	}

	private static JsonNode whole(String body) {
		return json(GeminiCannedReplies.reply(request(PATH + ":generateContent", "", body), TEXT, Duration.ZERO)
			.bodyBytes());
	}

	private static JsonNode imagePart(JsonNode response) {
		return response.path("candidates").get(0).path("content").path("parts").get(1).path("inlineData");
	}

	private static BufferedImage decode(JsonNode inlineData) throws IOException {
		byte[] png = Base64.getDecoder().decode(inlineData.path("data").asString());
		return ImageIO.read(new ByteArrayInputStream(png));
	}

	private static String textBody() {
		return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}";
	}

	private static String imageBody(String prompt, String imageConfig) {
		String config = "\"responseModalities\":[\"TEXT\",\"IMAGE\"]"
				+ ((imageConfig != null) ? ",\"imageConfig\":" + imageConfig : "");
		return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + prompt + "\"}]}],\"generationConfig\":{"
				+ config + "}}";
	}

	private static RecordedRequest request(String path, String query, String body) {
		return new RecordedRequest(StubRoute.of(path), "POST", path, query, Map.of(),
				body.getBytes(StandardCharsets.UTF_8), Instant.now());
	}

	private static List<JsonNode> sseEvents(String stream) {
		List<JsonNode> events = new ArrayList<>();
		for (String event : stream.split("\r\n\r\n")) {
			if (!event.isBlank()) {
				assertThat(event).startsWith("data: ");
				events.add(StubPayloads.MAPPER.readTree(event.substring("data: ".length())));
			}
		}
		return events;
	}

	private static JsonNode json(byte[] body) {
		return StubPayloads.MAPPER.readTree(body);
	}

}
