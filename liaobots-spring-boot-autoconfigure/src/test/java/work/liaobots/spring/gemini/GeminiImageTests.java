package work.liaobots.spring.gemini;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import work.liaobots.spring.error.LiaobotsBufferLimitException;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiImageTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int SIX_MB = 6_000_000;

	private final StubGateway gateway = StubGateway.start();

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamedSixMegabyteImageDecodes() {
		byte[] image = GeminiModelTests.randomBytes(SIX_MB, 21);
		String body = GeminiStreamingTests.event(StubGeminiPayloads.textChunk("Here is the image"), "\r\n")
				+ GeminiStreamingTests.event(imageChunk("image/jpeg", Base64.getEncoder().encodeToString(image)),
						"\r\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM,
				GeminiStreamingTests.sse(body).chunkSize(16 * 1024).chunkPause(Duration.ofMillis(1)));
		List<GenerateContentResponse> chunks = service(16 * 1024 * 1024).stream(GenerateContentRequest.of("Draw"))
			.collectList()
			.block(WAIT);
		assertThat(chunks).hasSize(2);
		assertThat(chunks.get(0).text()).isEqualTo("Here is the image");
		Blob decoded = chunks.get(1).images().get(0);
		assertThat(decoded.mimeType()).isEqualTo("image/jpeg");
		assertThat(decoded.size()).isEqualTo(SIX_MB);
		assertThat(sha256(decoded.bytes())).isEqualTo(sha256(image));
		assertThat(chunks.get(1).finishReason()).isEqualTo(FinishReason.STOP);
	}

	@Test
	void nonStreamedSixMegabyteImageDecodes() {
		byte[] image = GeminiModelTests.randomBytes(SIX_MB, 22);
		String body = StubGeminiPayloads.response(
				List.of(StubGeminiPayloads.textPart("done"), StubGeminiPayloads.inlineDataPart("image/png", image)),
				"STOP", StubGeminiPayloads.usage(5, 1290, 0));
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(body));
		GenerateContentResponse response = service(16 * 1024 * 1024).create(GenerateContentRequest.of("Draw"))
			.block(WAIT);
		assertThat(response.text()).isEqualTo("done");
		assertThat(response.images()).hasSize(1);
		assertThat(sha256(response.images().get(0).bytes())).isEqualTo(sha256(image));
	}

	@Test
	void imageBeyondJacksonStringCapParses() {
		byte[] image = GeminiModelTests.randomBytes(15_075_000, 23);
		String base64 = Base64.getEncoder().encodeToString(image);
		assertThat(base64).hasSize(20_100_000);
		String body = StubGeminiPayloads.response(
				List.of(StubGeminiPayloads.textPart("done"), StubGeminiPayloads.inlineDataPart("image/png", base64)),
				"STOP", StubGeminiPayloads.usage(8, 1290, 0));
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(body));
		GenerateContentResponse response = service(64 * 1024 * 1024).create(GenerateContentRequest.of("Draw"))
			.block(WAIT);
		assertThat(response.text()).isEqualTo("done");
		assertThat(response.images()).hasSize(1);
		assertThat(response.images().get(0).mimeType()).isEqualTo("image/png");
		assertThat(response.images().get(0).size()).isEqualTo(15_075_000);
		assertThat(sha256(response.images().get(0).bytes())).isEqualTo(sha256(image));
		assertThat(response.usageMetadata().totalTokenCount()).isEqualTo(1298);
	}

	@Test
	void eventAboveLimitFailsWithBufferLimit() {
		int limit = 4 * 1024 * 1024;
		String base64 = Base64.getEncoder().encodeToString(GeminiModelTests.randomBytes(SIX_MB, 24));
		String body = GeminiStreamingTests.event(StubGeminiPayloads.textChunk("Here is the image"), "\r\n")
				+ GeminiStreamingTests.event(imageChunk("image/jpeg", base64), "\r\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, GeminiStreamingTests.sse(body).chunkSize(16 * 1024));
		StepVerifier.create(service(limit).stream(GenerateContentRequest.of("Draw")))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Here is the image"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsBufferLimitException.class);
				assertThat(((LiaobotsBufferLimitException) error).limit()).isEqualTo(limit);
				assertThat(error.getMessage()).contains("4194304 bytes").contains("'liaobots.max-in-memory-size'");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void bodyAboveLimitFailsWithBufferLimit() {
		int limit = 4 * 1024 * 1024;
		String body = StubGeminiPayloads.response(
				List.of(StubGeminiPayloads.inlineDataPart("image/png", GeminiModelTests.randomBytes(SIX_MB, 25))),
				"STOP", null);
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(body));
		StepVerifier.create(service(limit).create(GenerateContentRequest.of("Draw")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsBufferLimitException.class)
				.hasMessageContaining("4194304 bytes"))
			.verify(WAIT);
	}

	@Test
	void urlSafeUnpaddedImageInStreamDecodes() {
		byte[] image = GeminiModelTests.randomBytes(100_001, 26);
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(image);
		String body = GeminiStreamingTests.event(imageChunk("image/png", urlSafe), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, GeminiStreamingTests.sse(body).randomChunks(5, 4096));
		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(service(16 * 1024 * 1024).stream(GenerateContentRequest.of("Draw")))
			.block(WAIT);
		assertThat(whole.images().get(0).bytes()).isEqualTo(image);
	}

	@Test
	void urlSafeTwoMegabyteImageInStreamDecodes() {
		byte[] image = GeminiModelTests.randomBytes(2_000_000, 29);
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(image);
		String body = GeminiStreamingTests.event(imageChunk("image/png", urlSafe), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, GeminiStreamingTests.sse(body).chunkSize(64 * 1024));

		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(service(16 * 1024 * 1024).stream(GenerateContentRequest.of("Draw")))
			.block(WAIT);

		assertThat(urlSafe).contains("-", "_");
		assertThat(sha256(whole.images().get(0).bytes())).isEqualTo(sha256(image));
	}

	@Test
	void thoughtImagesAreNotOutput() {
		byte[] draft = GeminiModelTests.randomBytes(1000, 27);
		byte[] image = GeminiModelTests.randomBytes(2000, 28);
		String body = GeminiStreamingTests.event(StubGeminiPayloads.response(
				List.of(StubGeminiPayloads.inlineDataPart("image/png", draft).put("thought", true)), null, null), "\n")
				+ GeminiStreamingTests.event(StubGeminiPayloads.response(
						List.of(StubGeminiPayloads.inlineDataPart("image/png", image).put("thoughtSignature", "c2ln")),
						"STOP", null), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, GeminiStreamingTests.sse(body));
		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(service(16 * 1024 * 1024).stream(GenerateContentRequest.of("Draw")))
			.block(WAIT);
		assertThat(whole.candidates().get(0).parts()).hasSize(2);
		assertThat(whole.images()).hasSize(1);
		assertThat(whole.images().get(0).bytes()).isEqualTo(image);
		assertThat(whole.candidates().get(0).parts().get(1).thoughtSignature()).isEqualTo("c2ln");
	}

	private GeminiService service(int maxInMemorySize) {
		return new GeminiService(TestTransports
			.create((settings) -> TestTransports.withMaxInMemorySize(settings, maxInMemorySize), this.gateway),
				"gemini-3-pro-image-preview");
	}

	private static String imageChunk(String mimeType, String base64) {
		return StubGeminiPayloads.response(List.of(StubGeminiPayloads.inlineDataPart(mimeType, base64)), "STOP",
				StubGeminiPayloads.usage(5, 1290, 0));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
