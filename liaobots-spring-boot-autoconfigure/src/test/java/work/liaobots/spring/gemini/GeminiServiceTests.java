package work.liaobots.spring.gemini;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsRateLimitException;
import work.liaobots.spring.error.LiaobotsUnexpectedResponseException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.GeminiCannedReplies;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String REPLY = "Hello from Gemini.";

	private final StubGateway gateway = StubGateway.start();

	private final GeminiService gemini = new GeminiService(TestTransports.create(this.gateway), "gemini-2.5-flash");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void createSendsModelPathAndKeyHeader() {
		answerWithCannedReplies();
		this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.GEMINI_GENERATE).get(0);
		assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
		assertThat(request.query()).isEmpty();
		assertThat(request.header("x-goog-api-key")).isEqualTo(StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.header("authorization")).isNull();
		assertThat(request.header("accept")).isEqualTo("application/json");
		assertThat(request.header("content-type")).isEqualTo("application/json");
		assertThat(request.json().toString())
			.isEqualTo("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}");
	}

	@Test
	void createReturnsWholeResponse() {
		answerWithCannedReplies();
		GenerateContentResponse response = this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		assertThat(response.text()).isEqualTo(REPLY);
		assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(response.modelVersion()).isEqualTo("gemini-2.5-flash");
		assertThat(response.usageMetadata().candidatesTokenCount()).isEqualTo(3);
		assertThat(response.candidates().get(0).content().role()).isEqualTo(Content.MODEL);
	}

	@Test
	void requestModelOverridesDefaultAndIsEncoded() {
		answerWithCannedReplies();
		this.gemini.create(GenerateContentRequest.of("models/gemini-2.5-pro", "Hi")).block(WAIT);
		this.gemini.create(GenerateContentRequest.of("tuned model/v1", "Hi")).block(WAIT);
		List<RecordedRequest> requests = this.gateway.requests(StubRoute.GEMINI_GENERATE);
		assertThat(requests.get(0).path()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
		assertThat(requests.get(1).path()).isEqualTo("/v1beta/models/tuned%20model%2Fv1:generateContent");
	}

	@Test
	void missingModelFailsNamingTheProperty() {
		GeminiService withoutDefault = new GeminiService(TestTransports.create(this.gateway), null);
		StepVerifier.create(withoutDefault.create(GenerateContentRequest.of("Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("'liaobots.gemini.default-model'"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isZero();
	}

	@Test
	void modelTurnGoesBackWithSignatures() {
		String reply = StubGeminiPayloads.response(
				List.of(StubGeminiPayloads.textPart("Checking.").put("thoughtSignature", "c2lnLTE="),
						StubGeminiPayloads.functionCallPart("get_weather", "{\"city\":\"Paris\"}", "c2lnLTI=")),
				"STOP", StubGeminiPayloads.usage(9, 12, 40));
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(reply));
		answerWithCannedReplies();
		GenerateContentResponse first = this.gemini.create(GenerateContentRequest.of("Weather in Paris?")).block(WAIT);
		GenerateContentRequest next = GenerateContentRequest.builder()
			.userText("Weather in Paris?")
			.content(first.candidates().get(0).content())
			.content(Content.user(Part.functionResponse("get_weather", Map.of("celsius", 21))))
			.build();
		this.gemini.create(next).block(WAIT);
		JsonNode contents = this.gateway.requests().get(1).json().path("contents");
		JsonNode received = LiaobotsJson.mapper().readTree(reply).path("candidates").get(0).path("content");
		assertThat(contents.get(1)).isEqualTo(received);
		assertThat(contents.get(2).path("parts").get(0).path("functionResponse").toString())
			.isEqualTo("{\"name\":\"get_weather\",\"response\":{\"celsius\":21}}");
	}

	@Test
	void invalidArgumentIsNotRetried() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(400, StubGeminiPayloads.error(400,
				"INVALID_ARGUMENT", "* GenerateContentRequest.contents: contents is not specified")));
		StepVerifier.create(this.gemini.create(GenerateContentRequest.of("Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsInvalidRequestException.class);
			LiaobotsInvalidRequestException invalid = (LiaobotsInvalidRequestException) error;
			assertThat(invalid.status()).isEqualTo(400);
			assertThat(invalid.errorType()).isEqualTo("INVALID_ARGUMENT");
			assertThat(invalid.providerMessage()).contains("contents is not specified");
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void resourceExhaustedCarriesRetryDelayFromBody() {
		String body = "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\",\"status\":\"RESOURCE_EXHAUSTED\","
				+ "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"38s\"}]}}";
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(429, body));
		StepVerifier.create(this.gemini.create(GenerateContentRequest.of("Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsRateLimitException.class);
			LiaobotsRateLimitException rateLimit = (LiaobotsRateLimitException) error;
			assertThat(rateLimit.errorType()).isEqualTo("RESOURCE_EXHAUSTED");
			assertThat(rateLimit.retryAfter()).contains(Duration.ofSeconds(38));
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void unavailableIsRetried() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE,
				StubResponse.json(503, StubGeminiPayloads.error(503, "UNAVAILABLE", "The model is overloaded.")));
		answerWithCannedReplies();
		GenerateContentResponse response = this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		assertThat(response.text()).isEqualTo(REPLY);
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void permissionDeniedMapsToAuthentication() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(403,
				StubGeminiPayloads.error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers.")));
		StepVerifier.create(this.gemini.create(GenerateContentRequest.of("Hi")))
			.expectError(LiaobotsAuthenticationException.class)
			.verify(WAIT);
	}

	@Test
	void blockedPromptIsResponseNotError() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(StubGeminiPayloads.blockedPrompt("SAFETY")));
		GenerateContentResponse response = this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		assertThat(response.isBlocked()).isTrue();
		assertThat(response.promptFeedback().blockReason()).isEqualTo(BlockReason.SAFETY);
		assertThat(response.promptFeedback().safetyRatings().get(0).blocked()).isTrue();
		assertThat(response.candidates()).isEmpty();
	}

	@Test
	void imageSafetyFinishReasonParsesAsBlocked() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse
			.json("{\"candidates\":[{\"content\":{\"role\":\"model\"},\"finishReason\":\"IMAGE_SAFETY\","
					+ "\"finishMessage\":\"Unable to show the generated image.\",\"index\":0}],\"modelVersion\":\"m\"}"));
		GenerateContentResponse response = this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		assertThat(response.finishReason()).isSameAs(FinishReason.IMAGE_SAFETY);
		assertThat(response.candidates().get(0).finishMessage()).isEqualTo("Unable to show the generated image.");
		assertThat(response.isBlocked()).isTrue();
		assertThat(response.images()).isEmpty();
		assertThat(response.text()).isNull();
	}

	@Test
	void unknownFieldsAndValuesAreKept() {
		String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\",\"newPartField\":1}]},"
				+ "\"finishReason\":\"SOMETHING_NEW\",\"tokenCount\":3}],\"brandNewTop\":true,"
				+ "\"usageMetadata\":{\"promptTokenCount\":1,\"totalTokenCount\":2,\"trafficType\":\"ON_DEMAND\"},"
				+ "\"modelStatus\":{\"modelStage\":\"PREVIEW\"}}";
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(body));
		GenerateContentResponse response = this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		assertThat(response.text()).isEqualTo("ok");
		assertThat(response.finishReason().value()).isEqualTo("SOMETHING_NEW");
		assertThat(response.finishReason().isKnown()).isFalse();
		assertThat(response.extra()).containsEntry("brandNewTop", true).containsKey("modelStatus");
		assertThat(response.candidates().get(0).extra()).containsEntry("tokenCount", 3);
		assertThat(response.usageMetadata().extra()).containsEntry("trafficType", "ON_DEMAND");
		JsonNode written = LiaobotsJson.mapper().valueToTree(response);
		assertThat(written).isEqualTo(LiaobotsJson.mapper().readTree(body));
	}

	@Test
	void htmlPageWithSuccessStatusIsUnexpectedResponse() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE,
				StubResponse.body(200, "text/html", "<html><head><title>Sign in</title></head></html>"));
		StepVerifier.create(this.gemini.create(GenerateContentRequest.of("Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsUnexpectedResponseException.class)
				.hasMessageContaining("HTML page 'Sign in'"))
			.verify(WAIT);
	}

	@Test
	void createRawTakesModelFromBody() {
		answerWithCannedReplies();
		ObjectNode request = LiaobotsJson.mapper().createObjectNode().put("model", "gemini-2.5-pro");
		request.putArray("contents").addObject().put("role", "user").putArray("parts").addObject().put("text", "Hi");
		JsonNode response = this.gemini.createRaw(request).block(WAIT);
		RecordedRequest recorded = this.gateway.requests(StubRoute.GEMINI_GENERATE).get(0);
		assertThat(recorded.path()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
		assertThat(recorded.json().has("model")).isFalse();
		assertThat(request.has("model")).as("caller's tree untouched").isTrue();
		assertThat(response.path("candidates").get(0).path("content").path("parts").get(0).path("text").asString())
			.isEqualTo(REPLY);
	}

	@Test
	void createRawWithoutModelUsesDefault() {
		answerWithCannedReplies();
		ObjectNode request = LiaobotsJson.mapper().createObjectNode();
		request.putArray("contents").addObject().putArray("parts").addObject().put("text", "Hi");
		this.gemini.createRaw(request).block(WAIT);
		assertThat(this.gateway.requests().get(0).path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
	}

	@Test
	void generateImageAsksForTextAndImage() {
		answerWithCannedReplies();
		ImageOptions options = ImageOptions.of(AspectRatio.LANDSCAPE_16_9, ImageSize.of("2k"));
		this.gemini.generateImage("A red kite", options).block(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.GEMINI_GENERATE).get(0);
		JsonNode config = request.json().path("generationConfig");
		assertThat(request.path()).isEqualTo("/v1beta/models/gemini-3-pro-image-preview:generateContent");
		assertThat(config.path("responseModalities").toString()).isEqualTo("[\"TEXT\",\"IMAGE\"]");
		assertThat(config.path("imageConfig").toString()).isEqualTo("{\"aspectRatio\":\"16:9\",\"imageSize\":\"2K\"}");
		assertThat(request.json().path("contents").get(0).path("parts").get(0).path("text").asString())
			.isEqualTo("A red kite");
	}

	@Test
	void generateImageReturnsPngOfRequestedShape() throws IOException {
		answerWithCannedReplies();
		GenerateContentResponse response = this.gemini
			.generateImage("A red kite", ImageOptions.of(AspectRatio.PORTRAIT_9_16, null))
			.block(WAIT);
		assertThat(response.text()).isEqualTo(REPLY);
		assertThat(response.images()).hasSize(1);
		Blob image = response.images().get(0);
		assertThat(image.mimeType()).isEqualTo("image/png");
		BufferedImage decoded = ImageIO.read(image.inputStream());
		assertThat(decoded.getWidth()).isEqualTo(576);
		assertThat(decoded.getHeight()).isEqualTo(1024);
	}

	@Test
	void generateImageUsesConfiguredOrGivenModel() {
		answerWithCannedReplies();
		GeminiService configured = new GeminiService(TestTransports.create(this.gateway), "gemini-2.5-flash",
				"gemini-2.5-flash-image");
		configured.generateImage("A kite").block(WAIT);
		configured.generateImage("A kite", ImageOptions.defaults().withModel("other-image-model")).block(WAIT);
		List<RecordedRequest> requests = this.gateway.requests(StubRoute.GEMINI_GENERATE);
		assertThat(requests.get(0).path()).isEqualTo("/v1beta/models/gemini-2.5-flash-image:generateContent");
		assertThat(requests.get(1).path()).isEqualTo("/v1beta/models/other-image-model:generateContent");
		assertThat(requests.get(0).json().path("generationConfig").has("imageConfig")).isFalse();
	}

	@Test
	void urlSafeImageInBodyDecodes() {
		byte[] bytes = GeminiModelTests.randomBytes(30_000, 11);
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(GeminiModelTests.imageResponse(urlSafe)));
		GenerateContentResponse response = this.gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
		assertThat(response.images().get(0).bytes()).isEqualTo(bytes);
	}

	@Test
	void malformedBodyReportsParseFailure() {
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json("{\"candidates\":[{\"content\":"));
		StepVerifier.create(this.gemini.create(GenerateContentRequest.of("Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsUnexpectedResponseException.class)
				.hasMessageContaining("not the expected JSON"))
			.verify(WAIT);
	}

	private void answerWithCannedReplies() {
		this.gateway.respond(StubRoute.GEMINI_GENERATE,
				(request) -> GeminiCannedReplies.reply(request, REPLY, Duration.ZERO));
		this.gateway.respond(StubRoute.GEMINI_STREAM,
				(request) -> GeminiCannedReplies.reply(request, REPLY, Duration.ZERO));
	}

}
