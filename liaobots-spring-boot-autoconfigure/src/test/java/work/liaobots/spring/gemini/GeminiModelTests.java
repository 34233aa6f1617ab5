package work.liaobots.spring.gemini;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import work.liaobots.spring.json.LiaobotsJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GeminiModelTests {

	private static final JsonMapper MAPPER = LiaobotsJson.mapper();

	private static final ObjectReader RESPONSE = MAPPER.readerFor(GenerateContentResponse.class);

	@Test
	void modelTurnRoundTripsUnchanged() {
		String content = "{\"role\":\"model\",\"parts\":[{\"text\":\"Let me check.\",\"thoughtSignature\":\"c2lnLTE=\"},"
				+ "{\"functionCall\":{\"id\":\"call-1\",\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\",\"days\":[1,2]}},"
				+ "\"thoughtSignature\":\"c2lnLTI=\",\"partMetadata\":{\"k\":\"v\"}},"
				+ "{\"thought\":true,\"text\":\"thinking\"}],\"brandNew\":1}";
		Content parsed = MAPPER.readValue(content, Content.class);
		GenerateContentRequest request = GenerateContentRequest.builder()
			.userText("Weather?")
			.content(parsed)
			.content(Content.user(Part.functionResponse("call-1", "get_weather", Map.of("temp", 21))))
			.build();
		JsonNode sent = MAPPER.valueToTree(request).path("contents").get(1);
		assertThat(sent).isEqualTo(MAPPER.readTree(content));
	}

	@Test
	void inlineDataDecodesToBytes() {
		byte[] bytes = randomBytes(1000, 1);
		GenerateContentResponse response = RESPONSE.readValue(imageResponse(Base64.getEncoder().encodeToString(bytes)));
		Blob image = response.images().get(0);
		assertThat(image.bytes()).isEqualTo(bytes);
		assertThat(image.mimeType()).isEqualTo("image/png");
		assertThat(image.size()).isEqualTo(1000);
	}

	@Test
	void inlineDataWritesStandardPaddedBase64() {
		byte[] bytes = randomBytes(1001, 2);
		JsonNode written = MAPPER.valueToTree(Part.inlineData("image/jpeg", bytes));
		String data = MAPPER.writeValueAsString(Part.inlineData("image/jpeg", bytes));
		assertThat(data).contains("\"data\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"");
		assertThat(written.path("inlineData").path("mimeType").asString()).isEqualTo("image/jpeg");
	}

	@Test
	void unpaddedBase64IsAccepted() {
		byte[] bytes = randomBytes(1000, 3);
		String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
		GenerateContentResponse response = RESPONSE.readValue(imageResponse(unpadded));
		assertThat(response.images().get(0).bytes()).isEqualTo(bytes);
	}

	@Test
	void urlSafeBase64NeedsUrlSafeReader() {
		byte[] bytes = randomBytes(3000, 4);
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		assertThat(urlSafe).containsAnyOf("-", "_");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> RESPONSE.readValue(imageResponse(urlSafe)));
		GenerateContentResponse response = RESPONSE.with(Base64Variants.MODIFIED_FOR_URL)
			.readValue(imageResponse(urlSafe));
		assertThat(response.images().get(0).bytes()).isEqualTo(bytes);
	}

	@Test
	void base64IsNotLimitedByStringLengthCap() {
		byte[] bytes = randomBytes(300_000, 5);
		ObjectReader small = LiaobotsJson.create(1000).readerFor(GenerateContentResponse.class);
		GenerateContentResponse response = small
			.readValue(imageResponse(Base64.getEncoder().encodeToString(bytes)).getBytes(StandardCharsets.UTF_8));
		assertThat(response.images().get(0).bytes()).isEqualTo(bytes);
	}

	@Test
	void toStringShowsSizeInsteadOfBase64() {
		byte[] bytes = randomBytes(5000, 6);
		String base64 = Base64.getEncoder().encodeToString(bytes);
		GenerateContentResponse response = RESPONSE.readValue(imageResponse(base64));
		assertThat(response.toString()).doesNotContain(base64).contains("<5000 bytes>").contains("image/png");
		assertThat(response.candidates().get(0).toString()).doesNotContain(base64);
		assertThat(response.candidates().get(0).content().toString()).doesNotContain(base64);
		assertThat(response.images().get(0)).hasToString("Blob[image/png, 5000 bytes]");
		assertThat(MAPPER.writeValueAsString(response)).contains(base64);
	}

	@Test
	void equalityComparesImageBytes() {
		byte[] bytes = randomBytes(2000, 9);
		byte[] other = bytes.clone();
		other[1999]++;
		Part part = Part.inlineData("image/png", bytes);
		assertThat(Part.inlineData("image/png", bytes.clone())).isEqualTo(part).hasSameHashCodeAs(part);
		assertThat(Part.inlineData("image/png", other)).isNotEqualTo(part);
		assertThat(Part.inlineData("image/jpeg", bytes)).isNotEqualTo(part);
	}

	@Test
	void imagePartSurvivesTreeAndBufferConversion() {
		Part part = Part.inlineData("image/png", randomBytes(3000, 10));
		JsonNode tree = MAPPER.valueToTree(part);
		assertThat(MAPPER.treeToValue(tree, Part.class)).isEqualTo(part);
		assertThat(MAPPER.convertValue(part, Part.class)).isEqualTo(part);
		assertThat(MAPPER.readValue(MAPPER.writeValueAsString(part), Part.class)).isEqualTo(part);
	}

	@Test
	void blobBytesAreACopy() {
		byte[] bytes = randomBytes(100, 7);
		Blob blob = Blob.of("image/png", bytes);
		bytes[0]++;
		byte[] read = blob.bytes();
		read[1]++;
		assertThat(blob.bytes()[0]).isEqualTo((byte) (bytes[0] - 1));
		assertThat(blob.bytes()[1]).isEqualTo((byte) (read[1] - 1));
		assertThat(blob.asReadOnlyBuffer().isReadOnly()).isTrue();
	}

	@Test
	void blobWritesToFileAndStream(@TempDir Path directory) throws IOException {
		byte[] bytes = randomBytes(4096, 8);
		Blob blob = Blob.of("image/png", bytes);
		Path file = blob.writeTo(directory.resolve("image.png"));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		blob.writeTo(output);
		assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
		assertThat(output.toByteArray()).isEqualTo(bytes);
		assertThat(blob.inputStream().readAllBytes()).isEqualTo(bytes);
	}

	@Test
	void requestBodyLeavesModelToThePath() {
		GenerateContentRequest request = GenerateContentRequest.builder()
			.model("gemini-2.5-flash")
			.systemInstruction("Be brief.")
			.content(Content.of("system", Part.text("Gateway-style system turn")))
			.userText("Hi")
			.generationConfig(GenerationConfig.builder()
				.temperature(0.5)
				.topK(40)
				.maxOutputTokens(100)
				.stopSequences(List.of("END"))
				.responseModalities(Modality.TEXT, Modality.IMAGE)
				.imageConfig(ImageConfig.of(AspectRatio.LANDSCAPE_16_9, ImageSize.of("2k")))
				.thinkingConfig(ThinkingConfig.INCLUDE_THOUGHTS)
				.extra("seed", 7)
				.build())
			.tool(Tool.GOOGLE_SEARCH)
			.tool(Tool.functions(FunctionDeclaration.of("get_weather", "Weather by city",
					Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))))
			.toolConfig(ToolConfig.functionCalling("ANY", "get_weather"))
			.safetySettings(List.of(SafetySetting.of("HARM_CATEGORY_HARASSMENT", "BLOCK_ONLY_HIGH")))
			.extra("cachedContent", "cachedContents/abc")
			.build();
		JsonNode body = MAPPER.valueToTree(request);
		assertThat(body.has("model")).isFalse();
		assertThat(body.path("systemInstruction").toString()).isEqualTo("{\"parts\":[{\"text\":\"Be brief.\"}]}");
		assertThat(body.path("contents").get(0).path("role").asString()).isEqualTo("system");
		JsonNode config = body.path("generationConfig");
		assertThat(config.path("temperature").asDouble()).isEqualTo(0.5);
		assertThat(config.path("topK").asInt()).isEqualTo(40);
		assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(100);
		assertThat(config.path("responseModalities").toString()).isEqualTo("[\"TEXT\",\"IMAGE\"]");
		assertThat(config.path("imageConfig").toString()).isEqualTo("{\"aspectRatio\":\"16:9\",\"imageSize\":\"2K\"}");
		assertThat(config.path("thinkingConfig").toString()).isEqualTo("{\"includeThoughts\":true}");
		assertThat(config.path("seed").asInt()).isEqualTo(7);
		assertThat(body.path("tools").get(0).toString()).isEqualTo("{\"googleSearch\":{}}");
		assertThat(body.path("tools").get(1).path("functionDeclarations").get(0).path("name").asString())
			.isEqualTo("get_weather");
		assertThat(body.path("toolConfig").toString())
			.isEqualTo("{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"get_weather\"]}}");
		assertThat(body.path("safetySettings").get(0).path("threshold").asString()).isEqualTo("BLOCK_ONLY_HIGH");
		assertThat(body.path("cachedContent").asString()).isEqualTo("cachedContents/abc");
	}

	@Test
	void openToolEntryIsSentAsGiven() {
		JsonNode tool = MAPPER.valueToTree(Tool.of("urlContext", Map.of()));
		assertThat(tool.toString()).isEqualTo("{\"urlContext\":{}}");
		assertThat(MAPPER.valueToTree(Tool.CODE_EXECUTION).toString()).isEqualTo("{\"codeExecution\":{}}");
	}

	@Test
	void functionResponseWrapsNonObjectAsOutput() {
		JsonNode wrapped = MAPPER.valueToTree(Part.functionResponse("lookup", "sunny"));
		JsonNode object = MAPPER.valueToTree(Part.functionResponse("lookup", Map.of("temp", 21)));
		assertThat(wrapped.path("functionResponse").toString())
			.isEqualTo("{\"name\":\"lookup\",\"response\":{\"output\":\"sunny\"}}");
		assertThat(object.path("functionResponse").path("response").toString()).isEqualTo("{\"temp\":21}");
	}

	@Test
	void functionCallArgsConvertToRecord() {
		GenerateContentResponse response = RESPONSE.readValue(
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\","
						+ "\"args\":{\"city\":\"Paris\"}}}]},\"finishReason\":\"STOP\"}]}");
		FunctionCall call = response.functionCalls().get(0);
		assertThat(call.name()).isEqualTo("get_weather");
		assertThat(call.id()).isNull();
		assertThat(call.args().path("city").asString()).isEqualTo("Paris");
		assertThat(call.args(City.class)).isEqualTo(new City("Paris"));
	}

	@Test
	void finishReasonsAreOpen() {
		FinishReason unknown = FinishReason.of("BRAND_NEW_REASON");
		assertThat(unknown.isKnown()).isFalse();
		assertThat(unknown.value()).isEqualTo("BRAND_NEW_REASON");
		assertThat(FinishReason.of("IMAGE_SAFETY")).isSameAs(FinishReason.IMAGE_SAFETY);
		assertThat(FinishReason.IMAGE_SAFETY.isBlocking()).isTrue();
		assertThat(FinishReason.MAX_TOKENS.isBlocking()).isFalse();
		assertThat(FinishReason.of("")).isNull();
	}

	@Test
	void imageSizeIsUpperCased() {
		assertThat(ImageSize.of("2k")).isSameAs(ImageSize.SIZE_2K);
		assertThat(new ImageSize("4k")).isEqualTo(ImageSize.SIZE_4K);
		assertThat(ImageSize.of("8k").value()).isEqualTo("8K");
		assertThat(AspectRatio.of("5:4").isKnown()).isFalse();
	}

	@Test
	void textAndImagesSkipThoughts() {
		String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
				+ "{\"text\":\"Planning.\",\"thought\":true},"
				+ "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AAAA\"},\"thought\":true},"
				+ "{\"text\":\"Here \"},{\"text\":\"it is.\"},"
				+ "{\"inlineData\":{\"mimeType\":\"image/jpeg\",\"data\":\"AQID\"},\"thoughtSignature\":\"c2ln\"},"
				+ "{\"inlineData\":{\"mimeType\":\"application/pdf\",\"data\":\"AQID\"}}]},\"finishReason\":\"STOP\"}]}";
		GenerateContentResponse response = RESPONSE.readValue(body);
		assertThat(response.text()).isEqualTo("Here it is.");
		assertThat(response.images()).hasSize(1);
		assertThat(response.images().get(0).mimeType()).isEqualTo("image/jpeg");
		assertThat(response.images().get(0).bytes()).containsExactly(1, 2, 3);
		assertThat(response.isBlocked()).isFalse();
	}

	@Test
	void blockedPromptHasNoText() {
		GenerateContentResponse response = RESPONSE
			.readValue("{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},\"modelVersion\":\"m\"}");
		assertThat(response.isBlocked()).isTrue();
		assertThat(response.promptFeedback().blockReason()).isEqualTo(BlockReason.PROHIBITED_CONTENT);
		assertThat(response.candidates()).isEmpty();
		assertThat(response.text()).isNull();
		assertThat(response.images()).isEmpty();
		assertThat(response.finishReason()).isNull();
	}

	@Test
	void absentTokenCountsReadAsZero() {
		GenerateContentResponse response = RESPONSE
			.readValue("{\"usageMetadata\":{\"promptTokenCount\":5,\"totalTokenCount\":5}}");
		UsageMetadata usage = response.usageMetadata();
		assertThat(usage.promptTokenCount()).isEqualTo(5);
		assertThat(usage.candidatesTokenCount()).isZero();
		assertThat(usage.thoughtsTokenCount()).isZero();
		assertThat(usage.promptTokensDetails()).isEmpty();
	}

	@Test
	void groundingMetadataIsRead() {
		String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Spain won.\"}]},"
				+ "\"finishReason\":\"STOP\",\"groundingMetadata\":{\"webSearchQueries\":[\"euro 2024 winner\"],"
				+ "\"searchEntryPoint\":{\"renderedContent\":\"<div>chips</div>\"},"
				+ "\"groundingChunks\":[{\"web\":{\"uri\":\"https://example.org/a\",\"title\":\"example.org\",\"domain\":\"example.org\"}}],"
				+ "\"groundingSupports\":[{\"segment\":{\"endIndex\":10,\"text\":\"Spain won.\"},\"groundingChunkIndices\":[0],"
				+ "\"confidenceScores\":[0.9]}]}}]}";
		GroundingMetadata grounding = RESPONSE.<GenerateContentResponse>readValue(body)
			.candidates()
			.get(0)
			.groundingMetadata();
		assertThat(grounding.webSearchQueries()).containsExactly("euro 2024 winner");
		assertThat(grounding.searchEntryPoint().renderedContent()).isEqualTo("<div>chips</div>");
		assertThat(grounding.groundingChunks().get(0).web().uri()).isEqualTo("https://example.org/a");
		assertThat(grounding.groundingChunks().get(0).web().domain()).isEqualTo("example.org");
		GroundingMetadata.GroundingSupport support = grounding.groundingSupports().get(0);
		assertThat(support.segment().startIndex()).isZero();
		assertThat(support.segment().endIndex()).isEqualTo(10);
		assertThat(support.groundingChunkIndices()).containsExactly(0);
	}

	@Test
	void partsCannotBeChangedByUsers() {
		Content content = Content.user(Part.text("a"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> content.parts().add(Part.text("b")));
		GenerateContentResponse response = RESPONSE.readValue(imageResponse("AAAA"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> response.candidates().get(0).parts().clear());
	}

	static String imageResponse(String base64) {
		return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"done\"},"
				+ "{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + base64 + "\"}}]},"
				+ "\"finishReason\":\"STOP\"}]}";
	}

	static byte[] randomBytes(int count, long seed) {
		byte[] bytes = new byte[count];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	record City(String city) {

	}

}
