package work.liaobots.spring.gemini;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.GeminiCannedReplies;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiAccumulatorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final ObjectReader RESPONSE = LiaobotsJson.mapper().readerFor(GenerateContentResponse.class);

	private final StubGateway gateway = StubGateway.start();

	private final GeminiService gemini = new GeminiService(TestTransports.create(this.gateway), "gemini-2.5-flash");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamedTextEqualsWholeResponse() {
		answerWithCannedReplies("Grüße 你好 🙂, streamed token by token.");
		GenerateContentRequest request = GenerateContentRequest.of("Hi");
		GenerateContentResponse streamed = GeminiAccumulator.accumulate(this.gemini.stream(request)).block(WAIT);
		GenerateContentResponse whole = this.gemini.create(request).block(WAIT);
		assertThat(streamed).isEqualTo(whole);
		assertThat(streamed.candidates().get(0).parts()).hasSize(1);
	}

	@Test
	void streamedImageEqualsWholeResponse() {
		answerWithCannedReplies("Here is your kite.");
		GenerateContentRequest request = GenerateContentRequest.builder()
			.model("gemini-3-pro-image-preview")
			.userText("A red kite")
			.generationConfig(GenerationConfig.builder()
				.responseModalities(Modality.TEXT, Modality.IMAGE)
				.imageConfig(ImageConfig.of(AspectRatio.LANDSCAPE_4_3, ImageSize.SIZE_1K))
				.build())
			.build();
		GenerateContentResponse streamed = GeminiAccumulator.accumulate(this.gemini.stream(request)).block(WAIT);
		GenerateContentResponse whole = this.gemini.create(request).block(WAIT);
		assertThat(streamed).isEqualTo(whole);
		assertThat(streamed.images()).hasSize(1);
		assertThat(streamed.text()).isEqualTo("Here is your kite.");
	}

	@Test
	void streamedFunctionCallEqualsWholeResponse() {
		ObjectNode call = StubGeminiPayloads.functionCallPart("get_weather", "{\"city\":\"Paris\"}", "c2lnLTE=");
		String whole = StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("Let me check."), call), "STOP",
				StubGeminiPayloads.usage(20, 15, 40));
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(whole));
		String stream = GeminiStreamingTests
			.event(StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("Let me ")), null,
					StubGeminiPayloads.usage(20, 2, 40)), "\n")
				+ GeminiStreamingTests.event(StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("check.")),
						null, StubGeminiPayloads.usage(20, 4, 40)), "\n")
				+ GeminiStreamingTests.event(
						StubGeminiPayloads.response(List.of(call), "STOP", StubGeminiPayloads.usage(20, 15, 40)), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, GeminiStreamingTests.sse(stream));
		GenerateContentRequest request = GenerateContentRequest.of("Weather in Paris?");
		GenerateContentResponse streamed = GeminiAccumulator.accumulate(this.gemini.stream(request)).block(WAIT);
		assertThat(streamed).isEqualTo(this.gemini.create(request).block(WAIT));
		assertThat(streamed.functionCalls().get(0).args().path("city").asString()).isEqualTo("Paris");
	}

	@Test
	void textRunsSplitAtThoughtFlag() {
		GenerateContentResponse result = accumulate(chunk("[{\"text\":\"Think \",\"thought\":true}]", null),
				chunk("[{\"text\":\"more.\",\"thought\":true}]", null), chunk("[{\"text\":\"Answer \"}]", null),
				chunk("[{\"text\":\"here.\"}]", "\"STOP\""));
		List<Part> parts = result.candidates().get(0).parts();
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0).text()).isEqualTo("Think more.");
		assertThat(parts.get(0).thought()).isTrue();
		assertThat(parts.get(1).text()).isEqualTo("Answer here.");
		assertThat(parts.get(1).thought()).isFalse();
		assertThat(result.text()).isEqualTo("Answer here.");
	}

	@Test
	void signatureStaysOnItsPart() {
		GenerateContentResponse result = accumulate(chunk("[{\"text\":\"Hello \"}]", null),
				chunk("[{\"text\":\"world\",\"thoughtSignature\":\"c2lnLTE=\"}]", null),
				chunk("[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AQID\"},\"thoughtSignature\":\"c2lnLTI=\"}]",
						null),
				chunk("[{\"text\":\"\",\"thoughtSignature\":\"c2lnLTM=\"}]", "\"STOP\""));
		List<Part> parts = result.candidates().get(0).parts();
		assertThat(parts).hasSize(3);
		assertThat(parts.get(0).text()).isEqualTo("Hello world");
		assertThat(parts.get(0).thoughtSignature()).isEqualTo("c2lnLTE=");
		assertThat(parts.get(1).inlineData().bytes()).containsExactly(1, 2, 3);
		assertThat(parts.get(1).thoughtSignature()).isEqualTo("c2lnLTI=");
		assertThat(parts.get(2).text()).isEmpty();
		assertThat(parts.get(2).thoughtSignature()).isEqualTo("c2lnLTM=");
	}

	@Test
	void lastSignatureWinsWithinTextRun() {
		GenerateContentResponse result = accumulate(chunk("[{\"text\":\"a\",\"thoughtSignature\":\"b2xk\"}]", null),
				chunk("[{\"text\":\"b\",\"thoughtSignature\":\"bmV3\"}]", "\"STOP\""));
		Part part = result.candidates().get(0).parts().get(0);
		assertThat(part.text()).isEqualTo("ab");
		assertThat(part.thoughtSignature()).isEqualTo("bmV3");
	}

	@Test
	void lastUsageAndFeedbackAreKept() {
		GenerateContentResponse result = accumulate(
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"a\"}]}}],"
						+ "\"promptFeedback\":{\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"NEGLIGIBLE\"}]},"
						+ "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1,\"totalTokenCount\":5},"
						+ "\"modelVersion\":\"m\",\"responseId\":\"r1\"}",
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"b\"}]},\"finishReason\":\"STOP\"}],"
						+ "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":2,\"totalTokenCount\":6},"
						+ "\"modelVersion\":\"m\",\"responseId\":\"r1\"}");
		assertThat(result.usageMetadata().candidatesTokenCount()).isEqualTo(2);
		assertThat(result.usageMetadata().totalTokenCount()).isEqualTo(6);
		assertThat(result.promptFeedback().safetyRatings()).hasSize(1);
		assertThat(result.responseId()).isEqualTo("r1");
		assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
	}

	@Test
	void candidatesAreKeptApartByIndex() {
		GenerateContentResponse result = accumulate(
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"A1 \"}]}},"
						+ "{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"B1 \"}]},\"index\":1}]}",
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"B2\"}]},\"index\":1,\"finishReason\":\"MAX_TOKENS\"}]}",
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"A2\"}]},\"finishReason\":\"STOP\"}]}");
		assertThat(result.candidates()).hasSize(2);
		assertThat(result.candidates().get(0).content().text()).isEqualTo("A1 A2");
		assertThat(result.candidates().get(0).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(result.candidates().get(1).content().text()).isEqualTo("B1 B2");
		assertThat(result.candidates().get(1).index()).isEqualTo(1);
		assertThat(result.candidates().get(1).finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
	}

	@Test
	void groundingAndCitationsAreKept() {
		GenerateContentResponse result = accumulate(
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Spain \"}]},"
						+ "\"citationMetadata\":{\"citations\":[{\"endIndex\":5,\"uri\":\"https://example.org/a\"}]}}]}",
				"{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"won.\"}]},\"finishReason\":\"STOP\","
						+ "\"citationMetadata\":{\"citations\":[{\"endIndex\":5,\"uri\":\"https://example.org/a\"},"
						+ "{\"startIndex\":6,\"endIndex\":10,\"uri\":\"https://example.org/b\"}]},"
						+ "\"groundingMetadata\":{\"webSearchQueries\":[\"euro 2024 winner\"]}}]}");
		Candidate candidate = result.candidates().get(0);
		assertThat(candidate.groundingMetadata().webSearchQueries()).containsExactly("euro 2024 winner");
		assertThat(candidate.citationMetadata().citations()).extracting(CitationMetadata.Citation::uri)
			.containsExactly("https://example.org/a", "https://example.org/b");
	}

	@Test
	void partialResultDoesNotChangeLaterResult() {
		GeminiAccumulator accumulator = new GeminiAccumulator();
		accumulator.add(RESPONSE.readValue(chunk("[{\"text\":\"Hel\"}]", null)));
		GenerateContentResponse partial = accumulator.result();
		accumulator.add(RESPONSE.readValue(chunk("[{\"text\":\"lo\"}]", "\"STOP\"")));
		assertThat(partial.text()).isEqualTo("Hel");
		assertThat(accumulator.result().text()).isEqualTo("Hello");
	}

	private static GenerateContentResponse accumulate(String... chunks) {
		Flux<GenerateContentResponse> stream = Flux.fromArray(chunks).map(RESPONSE::<GenerateContentResponse>readValue);
		return GeminiAccumulator.accumulate(stream).block(WAIT);
	}

	private static String chunk(String parts, String finishReason) {
		return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":" + parts + "}"
				+ ((finishReason != null) ? ",\"finishReason\":" + finishReason : "") + ",\"index\":0}]}";
	}

	private void answerWithCannedReplies(String text) {
		this.gateway.respond(StubRoute.GEMINI_GENERATE,
				(request) -> GeminiCannedReplies.reply(request, text, Duration.ZERO));
		this.gateway.respond(StubRoute.GEMINI_STREAM,
				(request) -> GeminiCannedReplies.reply(request, text, Duration.ZERO));
	}

}
