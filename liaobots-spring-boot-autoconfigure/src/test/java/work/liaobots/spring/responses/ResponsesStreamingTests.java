package work.liaobots.spring.responses;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.ResponsesCannedReplies;
import work.liaobots.spring.test.StubExchange;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubResponsesPayloads;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsesStreamingTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String ID = StubResponsesPayloads.MESSAGE_ID;

	private final StubGateway gateway = StubGateway.start();

	private final ResponsesService responses = new ResponsesService(TestTransports.create(this.gateway), "gpt-4o-mini");

	@BeforeEach
	void answerWithCannedReplies() {
		this.gateway.respond(StubRoute.RESPONSES,
				(request) -> ResponsesCannedReplies.reply(request, "Hello from the stub", Duration.ZERO));
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamSendsStreamFlagAndBearerAuth() {
		this.responses.stream(ResponseRequest.of(null, "Hi")).blockLast(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.RESPONSES).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/responses");
		assertThat(request.header("authorization")).isEqualTo("Bearer " + StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.header("accept")).isEqualTo("text/event-stream");
		assertThat(request.json().path("stream").asBoolean()).isTrue();
		assertThat(request.json().path("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(request.json().path("input").asString()).isEqualTo("Hi");
		assertThat(request.json().has("stream_options")).isFalse();
	}

	@Test
	void textStreamEmitsDeltasAndCompletes() {
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBody()));
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		assertThat(events).extracting(ResponseStreamEvent::textDelta)
			.filteredOn((delta) -> delta != null)
			.containsExactly("Hello", " world");
		ResponseStreamEvent last = events.get(events.size() - 1);
		assertThat(last.isCompleted()).isTrue();
		assertThat(last.isTerminal()).isTrue();
		assertThat(last.response().outputText()).isEqualTo("Hello world");
		assertThat(events).extracting(ResponseStreamEvent::sequenceNumber)
			.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
	}

	@Test
	void usageArrivesWithCompletedEvent() {
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBody()));
		Response response = ResponseAccumulator.accumulate(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.block(WAIT);
		assertThat(response.status()).isEqualTo(ResponseStatus.COMPLETED);
		assertThat(response.usage().inputTokens()).isEqualTo(7);
		assertThat(response.usage().outputTokens()).isEqualTo(2);
		assertThat(response.usage().totalTokens()).isEqualTo(9);
		assertThat(response.usage().inputTokensDetails().cachedTokens()).isZero();
		assertThat(response.usage().outputTokensDetails().reasoningTokens()).isZero();
	}

	@Test
	void functionCallArgumentsAreJoined() {
		this.gateway.enqueue(StubRoute.RESPONSES, StubResponsesPayloads.functionCallStream("m", "call_1", "get_weather",
				List.of("{\"ci", "ty\":", "\"Paris\"}")));
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Weather?"))
			.collectList()
			.block(WAIT);
		assertThat(events).filteredOn(ResponseStreamEvent::isFunctionCallArgumentsDelta)
			.extracting(ResponseStreamEvent::delta)
			.containsExactly("{\"ci", "ty\":", "\"Paris\"}");
		Response response = accumulate(events);
		assertThat(response.functionCalls()).hasSize(1);
		ResponseOutputItem call = response.functionCalls().get(0);
		assertThat(call.callId()).isEqualTo("call_1");
		assertThat(call.name()).isEqualTo("get_weather");
		assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(response.outputText()).isEmpty();
	}

	@Test
	void functionCallDeltasAloneBuildTheCall() {
		List<String> events = List.of(StubResponsesPayloads.created("m"),
				StubResponsesPayloads.functionCallAdded(0, "fc_1", "call_1", "get_time"),
				StubResponsesPayloads.argumentsDelta("fc_1", 0, "{\"tz\":"),
				StubResponsesPayloads.argumentsDelta("fc_1", 0, "\"UTC\"}"),
				StubResponsesPayloads.functionCallAdded(1, "fc_2", "call_2", "get_weather"),
				StubResponsesPayloads.argumentsDelta("fc_2", 1, "{}"));
		Response response = accumulate(streamOf(events, StubResponsesPayloads.completed(emptyOutputResponse())));
		assertThat(response.functionCalls())
			.extracting(ResponseOutputItem::callId, ResponseOutputItem::name, ResponseOutputItem::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("call_1", "get_time", "{\"tz\":\"UTC\"}"),
					org.assertj.core.groups.Tuple.tuple("call_2", "get_weather", "{}"));
	}

	@Test
	void chunkSplitInsideLinesLosesNothing() {
		String body = helloWorldBody();
		int insideDelta = body.indexOf("\"Hel") + 4;
		int nextEvent = body.indexOf("event:", insideDelta);
		this.gateway.enqueue(StubRoute.RESPONSES,
				sse(body).splitAt(23, insideDelta, nextEvent + 2).chunkPause(Duration.ofMillis(30)));
		assertHelloWorld(this.responses.stream(ResponseRequest.of("m", "Hi")));
	}

	@Test
	void byteByByteStreamLosesNothing() {
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBody()).chunkSize(1));
		assertHelloWorld(this.responses.stream(ResponseRequest.of("m", "Hi")));
	}

	@Test
	void randomChunkingLosesNothing() {
		for (long seed = 1; seed <= 10; seed++) {
			this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBody()).randomChunks(seed, 40));
			assertHelloWorld(this.responses.stream(ResponseRequest.of("m", "Hi")));
		}
	}

	@Test
	void crlfFramingIsRead() {
		StubResponse response = sse(helloWorldBody().replace("\n", "\r\n")).randomChunks(3, 25);
		this.gateway.enqueue(StubRoute.RESPONSES, response);
		assertHelloWorld(this.responses.stream(ResponseRequest.of("m", "Hi")));
	}

	@Test
	void multiByteCharactersSurviveOneByteChunks() {
		List<String> tokens = List.of("Grüße ", "你好 ", "🙂");
		String body = StubResponsesPayloads.body(StubResponsesPayloads.textStreamEvents("m", tokens, 3));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(body).chunkSize(1));
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		String text = events.stream()
			.map(ResponseStreamEvent::textDelta)
			.filter((delta) -> delta != null)
			.reduce("", String::concat);
		assertThat(text).isEqualTo("Grüße 你好 🙂");
		assertThat(accumulate(events).outputText()).isEqualTo("Grüße 你好 🙂");
	}

	@Test
	void completedEndsStreamWhileSocketStaysOpen() throws InterruptedException {
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBody()).keepOpen());
		long start = System.nanoTime();
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(events.get(events.size() - 1).isCompleted()).isTrue();
		StubExchange exchange = this.gateway.exchanges().get(0);
		assertThat(exchange.awaitClose(5000)).as("client closed the kept-open connection").isTrue();
	}

	@Test
	void doneAfterCompletedIsHarmless() {
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBody() + "data: [DONE]\n\n"));
		assertHelloWorld(this.responses.stream(ResponseRequest.of("m", "Hi")));
	}

	@Test
	void responseDoneIsTerminal() {
		String done = StubResponsesPayloads.terminal("response.done",
				StubResponsesPayloads.response("m", "Hello world", 7, 2));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBodyEndingWith(done)).keepOpen());
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		ResponseStreamEvent last = events.get(events.size() - 1);
		assertThat(last.is(ResponseStreamEventType.DONE)).isTrue();
		assertThat(last.isCompleted()).isTrue();
		assertThat(accumulate(events).outputText()).isEqualTo("Hello world");
	}

	@Test
	void incompleteIsEmittedThenCompletes() {
		String incomplete = StubResponsesPayloads
			.incomplete(StubResponsesPayloads.incompleteResponse("m", "Hello world", "max_output_tokens", 7, 2));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(helloWorldBodyEndingWith(incomplete)));
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		ResponseStreamEvent last = events.get(events.size() - 1);
		assertThat(last.isIncomplete()).isTrue();
		Response response = accumulate(events);
		assertThat(response.status()).isEqualTo(ResponseStatus.INCOMPLETE);
		assertThat(response.incompleteDetails().reason()).isEqualTo("max_output_tokens");
		assertThat(response.outputText()).isEqualTo("Hello world");
	}

	@Test
	void errorEventAfterTextFailsWithPartialResult() {
		List<String> events = new ArrayList<>(helloWorldEvents().subList(0, 5));
		events.add(StubResponsesPayloads.error("server_error", "Upstream failed"));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectNextCount(4)
			.assertNext((event) -> assertThat(event.textDelta()).isEqualTo("Hello"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("server_error");
				assertThat(stream.providerMessage()).isEqualTo("Upstream failed");
				assertThat(stream.isRetryable()).isTrue();
				Response partial = stream.partialResult(Response.class).orElseThrow();
				assertThat(partial.outputText()).isEqualTo("Hello");
				assertThat(partial.status()).isEqualTo(ResponseStatus.IN_PROGRESS);
				assertThat(partial.id()).isEqualTo(StubResponsesPayloads.RESPONSE_ID);
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void nonTransientErrorEventIsNotRetryable() {
		List<String> events = List.of(StubResponsesPayloads.created("m"),
				StubResponsesPayloads.error("invalid_prompt", "The prompt was flagged"));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectNextCount(1)
			.expectErrorSatisfies((error) -> {
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("invalid_prompt");
				assertThat(stream.isRetryable()).isFalse();
			})
			.verify(WAIT);
	}

	@Test
	void transientErrorBeforeAnyEventIsRetried() {
		String body = StubResponsesPayloads.body(List.of(StubResponsesPayloads.error("server_error", "Try again")));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(body));
		Response response = ResponseAccumulator.accumulate(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.block(WAIT);
		assertThat(response.outputText()).isEqualTo("Hello from the stub");
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void failedResponseFailsWithItsError() {
		List<String> events = new ArrayList<>(helloWorldEvents().subList(0, 5));
		events.add(StubResponsesPayloads.failed("m", "rate_limit_exceeded", "Too many tokens"));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)).keepOpen());
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectNextCount(5)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("rate_limit_exceeded");
				assertThat(stream.providerMessage()).isEqualTo("Too many tokens");
				assertThat(stream.isRetryable()).isTrue();
				Response partial = stream.partialResult(Response.class).orElseThrow();
				assertThat(partial.status()).isEqualTo(ResponseStatus.FAILED);
				assertThat(partial.error().code()).isEqualTo("rate_limit_exceeded");
				assertThat(partial.outputText()).isEqualTo("Hello");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void chatShapedErrorWithoutTypeFailsTheStream() {
		String body = StubResponsesPayloads.body(List.of(StubResponsesPayloads.created("m")))
				+ "data: {\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded_error\"}}\n\n";
		this.gateway.enqueue(StubRoute.RESPONSES, sse(body));
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectNextCount(1)
			.expectErrorSatisfies((error) -> {
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("overloaded_error");
				assertThat(stream.providerMessage()).isEqualTo("Overloaded");
				assertThat(stream.isRetryable()).isTrue();
			})
			.verify(WAIT);
	}

	@Test
	void unknownEventTypesAndFieldsPassThrough() {
		List<String> events = new ArrayList<>(helloWorldEvents());
		events.add(4,
				"{\"type\":\"response.brand_new.progress\",\"item_id\":\"x\",\"payload\":{\"a\":[1,2]},\"delta\":{\"k\":1}}");
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		List<ResponseStreamEvent> received = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		ResponseStreamEvent unknown = received.get(4);
		assertThat(unknown.type().value()).isEqualTo("response.brand_new.progress");
		assertThat(unknown.type().isKnown()).isFalse();
		assertThat(unknown.extra()).containsKey("payload");
		assertThat(unknown.delta()).isEqualTo("{\"k\":1}");
		String written = work.liaobots.spring.json.LiaobotsJson.mapper().writeValueAsString(unknown);
		assertThat(written).contains("\"payload\":{\"a\":[1,2]}").contains("\"delta\":{\"k\":1}");
		ResponseStreamEvent delta = received.get(5);
		assertThat(delta.obfuscation()).isEqualTo("stubpad");
		assertThat(delta.extra()).doesNotContainKey("obfuscation");
		assertThat(accumulate(received).outputText()).isEqualTo("Hello world");
	}

	@Test
	void eventNameStandsInForMissingType() {
		String body = helloWorldBody().replaceAll("\"type\":\"response\\.[a-z_.]+\",", "");
		assertThat(body).doesNotContain("\"type\":\"response.");
		this.gateway.enqueue(StubRoute.RESPONSES, sse(body).keepOpen());
		List<ResponseStreamEvent> events = this.responses.stream(ResponseRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		assertThat(events).hasSize(10);
		assertThat(events.get(4).type()).isEqualTo(ResponseStreamEventType.OUTPUT_TEXT_DELTA);
		assertThat(events.get(9).isCompleted()).isTrue();
		assertThat(accumulate(events).outputText()).isEqualTo("Hello world");
	}

	@Test
	void commentsAndKeepAlivesAreIgnored() {
		StubResponse.SseBuilder builder = StubResponse.sse().comment(" keepalive").pause(Duration.ofMillis(300));
		List<String> events = StubResponsesPayloads.sequenced(helloWorldEvents());
		for (String event : events) {
			builder.event(StubResponsesPayloads.typeOf(event), event).comment(" ping");
		}
		this.gateway.enqueue(StubRoute.RESPONSES, builder.build());
		assertHelloWorld(this.responses.stream(ResponseRequest.of("m", "Hi")));
	}

	@Test
	void streamCutBeforeTerminalFailsWithPartialTextAndNoReplay() {
		List<String> events = helloWorldEvents().subList(0, 6);
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)).closeAfter(-1));
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectNextCount(6)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class);
				assertThat(error.getMessage()).contains("after 6 events");
				LiaobotsIncompleteStreamException incomplete = (LiaobotsIncompleteStreamException) error;
				Response partial = incomplete.partialResult(Response.class).orElseThrow();
				assertThat(partial.outputText()).isEqualTo("Hello world");
				assertThat(partial.usage()).isNull();
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void outputItemDoneWithoutCompletedIsStillIncomplete() {
		List<String> events = helloWorldEvents().subList(0, 9);
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectNextCount(9)
			.expectError(LiaobotsIncompleteStreamException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void errorStatusOnStreamCallIsMapped() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(400, StubPayloads.openAiError("invalid_request_error", "Unknown parameter")));
		StepVerifier.create(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsInvalidRequestException.class)
				.hasMessageContaining("Unknown parameter (invalid_request_error)"))
			.verify(WAIT);
	}

	@Test
	void cannedStreamAccumulatesToNonStreamingResponse() {
		this.gateway.respond(StubRoute.RESPONSES,
				(request) -> ResponsesCannedReplies.reply(request, "Hello from the stub. 你好。", Duration.ZERO));
		ResponseRequest request = ResponseRequest.of("m", "Hi");
		Response streamed = ResponseAccumulator.accumulate(this.responses.stream(request)).block(WAIT);
		Response whole = this.responses.create(request).block(WAIT);
		assertThat(streamed).isEqualTo(whole);
		assertThat(streamed.outputText()).isEqualTo("Hello from the stub. 你好。");
	}

	@Test
	void assembledOutputEqualsNonStreamingOutput() {
		String whole = StubResponsesPayloads.response("m", "Hello world", 7, 2);
		List<String> events = new ArrayList<>(helloWorldEvents().subList(0, 9));
		events.add(StubResponsesPayloads.completed(emptyOutputResponse()));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		this.gateway.enqueue(StubRoute.RESPONSES, StubResponse.json(whole));
		Response streamed = ResponseAccumulator.accumulate(this.responses.stream(ResponseRequest.of("m", "Hi")))
			.block(WAIT);
		Response created = this.responses.create(ResponseRequest.of("m", "Hi")).block(WAIT);
		assertThat(streamed.output()).isEqualTo(created.output());
		assertThat(streamed).isEqualTo(created);
	}

	private static Response accumulate(List<ResponseStreamEvent> events) {
		ResponseAccumulator accumulator = new ResponseAccumulator();
		events.forEach(accumulator::add);
		return accumulator.result();
	}

	private List<ResponseStreamEvent> streamOf(List<String> events, String terminal) {
		List<String> all = new ArrayList<>(events);
		all.add(terminal);
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(all)));
		return this.responses.stream(ResponseRequest.of("m", "Hi")).collectList().block(WAIT);
	}

	private static void assertHelloWorld(Flux<ResponseStreamEvent> stream) {
		List<ResponseStreamEvent> events = stream.collectList().block(WAIT);
		assertThat(events).hasSize(10);
		assertThat(events).extracting(ResponseStreamEvent::textDelta)
			.filteredOn((delta) -> delta != null)
			.containsExactly("Hello", " world");
		assertThat(events.get(9).isCompleted()).isTrue();
		assertThat(accumulate(events).outputText()).isEqualTo("Hello world");
	}

	/**
	 * Returns the final response of the hello-world stream with its output left out, as
	 * some servers send it.
	 */
	private static String emptyOutputResponse() {
		return StubResponsesPayloads.response("m", "Hello world", 7, 2)
			.replaceFirst("\"output\":\\[.*\\],\"parallel_tool_calls\"", "\"output\":[],\"parallel_tool_calls\"");
	}

	private static List<String> helloWorldEvents() {
		return StubResponsesPayloads.textStreamEvents("m", List.of("Hello", " world"), 7);
	}

	private static String helloWorldBody() {
		return StubResponsesPayloads.body(helloWorldEvents());
	}

	private static String helloWorldBodyEndingWith(String terminal) {
		List<String> events = new ArrayList<>(helloWorldEvents().subList(0, 9));
		events.add(terminal);
		return StubResponsesPayloads.body(events);
	}

	private static StubResponse sse(String body) {
		return StubResponse.body(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
	}

}
