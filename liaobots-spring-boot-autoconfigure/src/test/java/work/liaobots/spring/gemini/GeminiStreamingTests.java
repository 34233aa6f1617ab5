package work.liaobots.spring.gemini;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.error.LiaobotsUnexpectedResponseException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.GeminiCannedReplies;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubExchange;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiStreamingTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final GeminiService gemini = new GeminiService(TestTransports.create(this.gateway), "gemini-2.5-flash");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamRequestsServerSentEvents() {
		this.gateway.respond(StubRoute.GEMINI_STREAM,
				(request) -> GeminiCannedReplies.reply(request, "Hi there", Duration.ZERO));
		this.gemini.stream(GenerateContentRequest.of("Hi")).blockLast(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.GEMINI_STREAM).get(0);
		assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
		assertThat(request.query()).isEqualTo("alt=sse");
		assertThat(request.header("accept")).isEqualTo("text/event-stream");
		assertThat(request.header("x-goog-api-key")).isEqualTo(StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.json().has("model")).isFalse();
		assertThat(request.json().has("stream")).isFalse();
	}

	@Test
	void cannedStreamDeliversTokensAndUsage() {
		String text = "Streaming works token by token.";
		this.gateway.respond(StubRoute.GEMINI_STREAM,
				(request) -> GeminiCannedReplies.reply(request, text, Duration.ZERO));
		List<GenerateContentResponse> chunks = this.gemini.stream(GenerateContentRequest.of("Hi"))
			.collectList()
			.block(WAIT);
		assertThat(chunks).hasSize(5);
		assertThat(chunks).extracting(GenerateContentResponse::text)
			.containsExactly("Streaming ", "works ", "token ", "by ", "token.");
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.usageMetadata()).isNotNull());
		assertThat(chunks.get(4).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(chunks.get(3).finishReason()).isNull();
		GenerateContentResponse whole = GeminiAccumulator.accumulate(Flux.fromIterable(chunks)).block(WAIT);
		assertThat(whole.text()).isEqualTo(text);
		assertThat(whole.usageMetadata().candidatesTokenCount()).isEqualTo(5);
	}

	@Test
	void byteByByteStreamLosesNothing() {
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(helloWorldBody("\n")).chunkSize(1));
		assertHelloWorld(this.gemini.stream(GenerateContentRequest.of("Hi")));
	}

	@Test
	void randomChunkingLosesNothing() {
		for (long seed = 1; seed <= 10; seed++) {
			this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(helloWorldBody("\r\n")).randomChunks(seed, 40));
			assertHelloWorld(this.gemini.stream(GenerateContentRequest.of("Hi")));
		}
	}

	@Test
	void splitsInsideLinesLoseNothing() {
		String body = helloWorldBody("\n");
		int insideText = body.indexOf("\"Hel") + 4;
		int nextLine = body.indexOf("data:", insideText);
		StubResponse response = sse(body).splitAt(11, insideText, nextLine + 2).chunkPause(Duration.ofMillis(30));
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, response);
		assertHelloWorld(this.gemini.stream(GenerateContentRequest.of("Hi")));
	}

	@Test
	void crlfSplitBetweenReadsCountsOnce() {
		String body = helloWorldBody("\r\n");
		int firstBreak = body.indexOf("\r\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body).splitAt(firstBreak + 1, firstBreak + 3));
		assertHelloWorld(this.gemini.stream(GenerateContentRequest.of("Hi")));
	}

	@Test
	void multiByteCharactersSurviveOneByteChunks() {
		String body = event(StubGeminiPayloads.textChunk("Grüße 你好 🙂"), "\n") + event(finishChunk(" ✓", "STOP"), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body).chunkSize(1));
		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.block(WAIT);
		assertThat(whole.text()).isEqualTo("Grüße 你好 🙂 ✓");
	}

	@Test
	void doneEndsStreamWhileSocketStaysOpen() throws InterruptedException {
		String body = event(StubGeminiPayloads.textChunk("ok"), "\r\n") + event(finishChunk("", "STOP"), "\r\n")
				+ "data: [DONE]\r\n\r\n";
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body).keepOpen());
		long start = System.nanoTime();
		List<GenerateContentResponse> chunks = this.gemini.stream(GenerateContentRequest.of("Hi"))
			.collectList()
			.block(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(chunks).extracting(GenerateContentResponse::text).containsExactly("ok", "");
		StubExchange exchange = this.gateway.exchanges().get(0);
		assertThat(exchange.awaitClose(5000)).as("client closed the kept-open connection").isTrue();
	}

	@Test
	void finishedOpenStreamEndsAtIdle() throws InterruptedException {
		String body = event(StubGeminiPayloads.textChunk("ok"), "\n") + event(finishChunk("!", "STOP"), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body).keepOpen());
		CallOptions shortIdle = CallOptions.defaults().withIdleTimeout(Duration.ofMillis(300));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi"), shortIdle))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(this.gateway.exchanges().get(0).awaitClose(5000)).isTrue();
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void bodyEndingWithoutFinishReasonIsIncomplete() {
		String body = event(StubGeminiPayloads.textChunk("The"), "\n")
				+ event(StubGeminiPayloads.textChunk(" answer"), "\n")
				+ event(StubGeminiPayloads.textChunk(" is"), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.expectNextCount(3)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class);
				LiaobotsIncompleteStreamException incomplete = (LiaobotsIncompleteStreamException) error;
				assertThat(incomplete.getMessage()).contains("after 3 events");
				assertThat(incomplete.partialResult(GenerateContentResponse.class)).get()
					.extracting(GenerateContentResponse::text)
					.isEqualTo("The answer is");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void connectionResetMidStreamIsIncomplete() {
		String body = event(StubGeminiPayloads.textChunk("The"), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body).chunkPause(Duration.ofMillis(50)).resetAfter(-1));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.expectNextCount(1)
			.expectError(LiaobotsIncompleteStreamException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void errorEventKeepsPartialResult() {
		String body = event(StubGeminiPayloads.textChunk("Partial"), "\n")
				+ "data: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}\n\n";
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Partial"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("UNAVAILABLE");
				assertThat(stream.providerMessage()).isEqualTo("The model is overloaded.");
				assertThat(stream.isRetryable()).isTrue();
				assertThat(stream.partialResult(GenerateContentResponse.class)).get()
					.extracting(GenerateContentResponse::text)
					.isEqualTo("Partial");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void invalidArgumentErrorEventIsNotRetryable() {
		String body = event(StubGeminiPayloads.textChunk("Partial"), "\n")
				+ "data: {\"error\":{\"code\":400,\"message\":\"Bad image.\",\"status\":\"INVALID_ARGUMENT\"}}\n\n";
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.expectNextCount(1)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				assertThat(((LiaobotsStreamException) error).errorType()).isEqualTo("INVALID_ARGUMENT");
				assertThat(((LiaobotsStreamException) error).isRetryable()).isFalse();
			})
			.verify(WAIT);
	}

	@Test
	void transientErrorBeforeFirstChunkIsRetried() {
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(
				"data: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}\n\n"));
		this.gateway.respond(StubRoute.GEMINI_STREAM,
				(request) -> GeminiCannedReplies.reply(request, "Second try", Duration.ZERO));
		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.block(WAIT);
		assertThat(whole.text()).isEqualTo("Second try");
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void errorStatusOnStreamCallIsMapped() {
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, StubResponse.json(400,
				StubGeminiPayloads.error(400, "INVALID_ARGUMENT", "Unknown name \"model\": Cannot find field.")));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.expectErrorSatisfies((error) -> assertThat(error)
				.isInstanceOf(work.liaobots.spring.error.LiaobotsInvalidRequestException.class)
				.hasMessageContaining("Cannot find field"))
			.verify(WAIT);
	}

	@Test
	void blockedPromptCompletesStream() {
		this.gateway.enqueue(StubRoute.GEMINI_STREAM,
				sse(event(StubGeminiPayloads.blockedPrompt("PROHIBITED_CONTENT"), "\r\n")));
		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.block(WAIT);
		assertThat(whole.isBlocked()).isTrue();
		assertThat(whole.promptFeedback().blockReason()).isEqualTo(BlockReason.PROHIBITED_CONTENT);
		assertThat(whole.candidates()).isEmpty();
	}

	@Test
	void jsonArrayStreamFailsNamingContentType() {
		List<String> chunks = List.of(StubGeminiPayloads.textChunk("Hel"), finishChunk("lo", "STOP"));
		this.gateway.enqueue(StubRoute.GEMINI_STREAM,
				StubResponse.body(200, "application/json; charset=UTF-8", StubGeminiPayloads.jsonArrayStream(chunks))
					.randomChunks(3, 20));
		StepVerifier.create(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsUnexpectedResponseException.class)
				.hasMessageContaining("application/json")
				.hasMessageContaining("instead of text/event-stream"))
			.verify(WAIT);
		assertThat(this.gateway.requests().get(0).queryParameter("alt")).isEqualTo("sse");
	}

	@Test
	void unknownChunkFieldsAreKept() {
		String chunk = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},"
				+ "\"finishReason\":\"NETWORK_HICCUP\",\"index\":0,\"newCandidateField\":[1]}],\"brandNew\":{\"a\":1},"
				+ "\"modelVersion\":\"m\",\"responseId\":\"r\"}";
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse("event: unexpected-name\n" + event(chunk, "\n")));
		List<GenerateContentResponse> chunks = this.gemini.stream(GenerateContentRequest.of("Hi"))
			.collectList()
			.block(WAIT);
		GenerateContentResponse only = chunks.get(0);
		assertThat(only.finishReason().value()).isEqualTo("NETWORK_HICCUP");
		assertThat(only.extra()).containsKey("brandNew");
		assertThat(only.candidates().get(0).extra()).containsKey("newCandidateField");
		JsonNode written = LiaobotsJson.mapper().valueToTree(GeminiAccumulator.accumulate(Flux.just(only)).block(WAIT));
		assertThat(written).isEqualTo(LiaobotsJson.mapper().readTree(chunk));
	}

	@Test
	void functionCallStreamKeepsSignature() {
		String body = event(StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("Checking.")), null,
				StubGeminiPayloads.usage(10, 2, 30)), "\n")
				+ event(StubGeminiPayloads.response(
						List.of(StubGeminiPayloads.functionCallPart("get_weather", "{\"city\":\"Paris\"}", "c2lnLTE=")),
						"STOP", StubGeminiPayloads.usage(10, 12, 30)), "\n");
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(body).randomChunks(9, 25));
		GenerateContentResponse whole = GeminiAccumulator
			.accumulate(this.gemini.stream(GenerateContentRequest.of("Hi")))
			.block(WAIT);
		List<Part> parts = whole.candidates().get(0).parts();
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0).text()).isEqualTo("Checking.");
		assertThat(parts.get(1).functionCall().name()).isEqualTo("get_weather");
		assertThat(parts.get(1).thoughtSignature()).isEqualTo("c2lnLTE=");
		assertThat(whole.functionCalls()).hasSize(1);
		assertThat(whole.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(whole.usageMetadata().candidatesTokenCount()).isEqualTo(12);
		assertThat(whole.usageMetadata().thoughtsTokenCount()).isEqualTo(30);
		assertThat(whole.usageMetadata().totalTokenCount()).isEqualTo(52);
	}

	@Test
	void streamRawReturnsTreesAndRemovesModel() {
		this.gateway.respond(StubRoute.GEMINI_STREAM,
				(request) -> GeminiCannedReplies.reply(request, "a b", Duration.ZERO));
		ObjectNode request = LiaobotsJson.mapper().createObjectNode().put("model", "gemini-2.5-pro");
		request.putArray("contents").addObject().putArray("parts").addObject().put("text", "Hi");
		List<JsonNode> chunks = this.gemini.streamRaw(request).collectList().block(WAIT);
		RecordedRequest recorded = this.gateway.requests(StubRoute.GEMINI_STREAM).get(0);
		assertThat(recorded.path()).isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent");
		assertThat(recorded.query()).isEqualTo("alt=sse");
		assertThat(recorded.json().has("model")).isFalse();
		assertThat(chunks).hasSize(2);
		assertThat(chunks.get(1).path("candidates").get(0).path("finishReason").asString()).isEqualTo("STOP");
	}

	@Test
	void streamRawWithoutFinishReasonIsIncomplete() {
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(event(StubGeminiPayloads.textChunk("cut"), "\n")));
		ObjectNode request = LiaobotsJson.mapper().createObjectNode();
		request.putArray("contents").addObject().putArray("parts").addObject().put("text", "Hi");
		StepVerifier.create(this.gemini.streamRaw(request))
			.expectNextCount(1)
			.expectError(LiaobotsIncompleteStreamException.class)
			.verify(WAIT);
	}

	@Test
	void streamRawErrorEventIsTyped() {
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, sse(event(StubGeminiPayloads.textChunk("cut"), "\n")
				+ "data: {\"error\":{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}}\n\n"));
		ObjectNode request = LiaobotsJson.mapper().createObjectNode();
		request.putArray("contents").addObject().putArray("parts").addObject().put("text", "Hi");
		StepVerifier.create(this.gemini.streamRaw(request)).expectNextCount(1).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsStreamException.class);
			assertThat(((LiaobotsStreamException) error).errorType()).isEqualTo("INTERNAL");
			assertThat(((LiaobotsStreamException) error).isRetryable()).isTrue();
		}).verify(WAIT);
	}

	private static void assertHelloWorld(Flux<GenerateContentResponse> stream) {
		List<GenerateContentResponse> chunks = stream.collectList().block(WAIT);
		assertThat(chunks).extracting(GenerateContentResponse::text).containsExactly("Hello", " world");
		assertThat(chunks.get(1).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(chunks.get(1).usageMetadata().totalTokenCount()).isEqualTo(5);
	}

	private static String helloWorldBody(String lineEnd) {
		return event(StubGeminiPayloads.textChunk("Hello"), lineEnd) + event(finishChunk(" world", "STOP"), lineEnd);
	}

	static String finishChunk(String text, String finishReason) {
		return StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart(text)), finishReason,
				StubGeminiPayloads.usage(3, 2, 0));
	}

	static String event(String json, String lineEnd) {
		return "data: " + json + lineEnd + lineEnd;
	}

	static StubResponse sse(String body) {
		return StubResponse.body(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
	}

}
