package work.liaobots.spring.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubExchange;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionsStreamingTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final ChatCompletionsService chat = new ChatCompletionsService(TestTransports.create(this.gateway),
			"gpt-4o-mini");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamSendsStreamOptionsAndBearerAuth() {
		this.chat.stream(ChatCompletionRequest.of(null, "Hi")).blockLast(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.CHAT_COMPLETIONS).get(0);
		assertThat(request.header("authorization")).isEqualTo("Bearer " + StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.header("accept")).isEqualTo("text/event-stream");
		assertThat(request.json().path("stream").asBoolean()).isTrue();
		assertThat(request.json().path("stream_options").path("include_usage").asBoolean()).isTrue();
		assertThat(request.json().path("model").asString()).isEqualTo("gpt-4o-mini");
	}

	@Test
	void chunkSplitInsideLinesLosesNothing() {
		String body = helloWorldBody();
		int firstLine = body.indexOf("\"Hel") + 4;
		int secondLine = body.indexOf("data:", firstLine);
		StubResponse response = sse(body).splitAt(23, firstLine, secondLine + 2).chunkPause(Duration.ofMillis(30));
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, response);
		assertHelloWorld(this.chat.stream(ChatCompletionRequest.of("m", "Hi")));
	}

	@Test
	void byteByByteStreamLosesNothing() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(helloWorldBody()).chunkSize(1));
		assertHelloWorld(this.chat.stream(ChatCompletionRequest.of("m", "Hi")));
	}

	@Test
	void randomChunkingLosesNothing() {
		for (long seed = 1; seed <= 10; seed++) {
			this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(helloWorldBody()).randomChunks(seed, 40));
			assertHelloWorld(this.chat.stream(ChatCompletionRequest.of("m", "Hi")));
		}
	}

	@Test
	void doneEndsStreamWhileSocketStaysOpen() throws InterruptedException {
		String body = "data: " + StubPayloads.chatChunk("ok") + "\n\ndata: " + StubPayloads.chatFinishChunk("stop")
				+ "\n\ndata: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body).keepOpen());
		long start = System.nanoTime();
		List<ChatCompletionChunk> chunks = this.chat.stream(ChatCompletionRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(chunks).extracting(ChatCompletionChunk::text).containsExactly("ok", null);
		StubExchange exchange = this.gateway.exchanges().get(0);
		assertThat(exchange.awaitClose(5000)).as("client closed the kept-open connection").isTrue();
	}

	@Test
	void commentsAndKeepAlivesAreIgnored() {
		StubResponse response = StubResponse.sse()
			.comment(" keepalive")
			.pause(Duration.ofMillis(300))
			.comment("")
			.data(StubPayloads.chatChunk("Hi"))
			.raw(": cost=0.0001\n: tokens-in=12\n: tokens-out=1\n")
			.flush()
			.data(StubPayloads.chatFinishChunk("stop"))
			.done()
			.build();
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, response);
		ChatCompletion completion = ChatCompletionAccumulator
			.accumulate(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.block(WAIT);
		assertThat(completion.text()).isEqualTo("Hi");
		assertThat(completion.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
	}

	@Test
	void multiByteCharactersSurviveOneByteChunks() {
		String body = "data: " + StubPayloads.chatChunk("Grüße 你好 🙂") + "\n\ndata: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body).chunkSize(1));
		String text = this.chat.stream(ChatCompletionRequest.of("m", "Hi"))
			.map(ChatCompletionChunk::text)
			.reduce(String::concat)
			.block(WAIT);
		assertThat(text).isEqualTo("Grüße 你好 🙂");
	}

	@Test
	void streamIsUtf8WhateverCharsetTheHeaderNames() {
		String body = "data: " + StubPayloads.chatChunk("Grüße 你好 🙂") + "\n\ndata: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.body(200, "text/event-stream; charset=ISO-8859-1", body.getBytes(StandardCharsets.UTF_8)));
		String text = this.chat.stream(ChatCompletionRequest.of("m", "Hi"))
			.map(ChatCompletionChunk::text)
			.reduce(String::concat)
			.block(WAIT);
		assertThat(text).isEqualTo("Grüße 你好 🙂");
	}

	@Test
	void jsonWithoutCharsetIsUtf8() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.body(200, "application/json",
				StubPayloads.chatCompletion("m", "Grüße 你好 🙂", 1, 1).getBytes(StandardCharsets.UTF_8)));
		assertThat(this.chat.create(ChatCompletionRequest.of("m", "Hi")).block(WAIT).text()).isEqualTo("Grüße 你好 🙂");
	}

	@Test
	void keepAlivesWhileThinkingDoNotEndTheWait() {
		StubResponse.SseBuilder thinking = StubResponse.sse();
		for (int i = 0; i < 5; i++) {
			thinking.comment(" keepalive").pause(Duration.ofMillis(300));
		}
		StubResponse response = thinking.data(StubPayloads.chatChunk("Hello"))
			.data(StubPayloads.chatFinishChunk("stop"))
			.done()
			.build();
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, response);
		CallOptions options = CallOptions.defaults()
			.withFirstEventTimeout(Duration.ofSeconds(5))
			.withIdleTimeout(Duration.ofMillis(200));
		String text = this.chat.stream(ChatCompletionRequest.of("m", "Hi"), options)
			.mapNotNull(ChatCompletionChunk::text)
			.reduce(String::concat)
			.block(WAIT);
		assertThat(text).isEqualTo("Hello");
	}

	@Test
	void toolCallFragmentsAreJoinedByIndex() {
		String body = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
				+ "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
				+ chunkWithDelta(
						"{\"tool_calls\":[{\"index\":0,\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":\"\",\"arguments\":\"{\\\"city\\\":\"}}]}",
						null)
				+ chunkWithDelta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}",
						null)
				+ chunkWithDelta(
						"{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]}",
						null)
				+ chunkWithDelta("{}", "\"tool_calls\"") + "data: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body).randomChunks(7, 30));
		ChatCompletion completion = ChatCompletionAccumulator
			.accumulate(this.chat.stream(ChatCompletionRequest.of("m", "Weather?")))
			.block(WAIT);
		ChatCompletion.Choice choice = completion.choices().get(0);
		assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(choice.message().toolCalls()).containsExactly(
				new ToolCall("call_1", "function", new ToolCall.FunctionCall("get_weather", "{\"city\":\"Paris\"}")),
				new ToolCall("call_2", "function", new ToolCall.FunctionCall("get_time", "{}")));
	}

	@Test
	void emptyToolCallListsYieldNoToolCalls() {
		String body = chunkWithDelta("{\"content\":\"plain\",\"tool_calls\":[]}", null)
				+ chunkWithDelta("{\"tool_calls\":[]}", "\"stop\"") + "data: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body));
		ChatCompletion completion = ChatCompletionAccumulator
			.accumulate(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.block(WAIT);
		assertThat(completion.text()).isEqualTo("plain");
		assertThat(completion.choices().get(0).message().toolCalls()).isEmpty();
	}

	@Test
	void usageChunkWithoutChoicesIsFolded() {
		String body = "data: " + StubPayloads.chatChunk("Hi") + "\n\ndata: " + StubPayloads.chatFinishChunk("stop")
				+ "\n\ndata: " + StubPayloads.chatUsageChunk(9, 2) + "\n\ndata: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body));
		ChatCompletion completion = ChatCompletionAccumulator
			.accumulate(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.block(WAIT);
		assertThat(completion.usage().promptTokens()).isEqualTo(9);
		assertThat(completion.usage().completionTokens()).isEqualTo(2);
		assertThat(completion.usage().totalTokens()).isEqualTo(11);
	}

	@Test
	void unknownFinishReasonIsKeptAndEmptyReasonMeansNotFinished() {
		String body = chunkWithDelta("{\"role\":\"assistant\",\"content\":\"ok\"}", "\"\"")
				+ chunkWithDelta("{}", "\"network_error\"") + "data: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body));
		List<ChatCompletionChunk> chunks = this.chat.stream(ChatCompletionRequest.of("m", "Hi"))
			.collectList()
			.block(WAIT);
		assertThat(chunks.get(0).choices().get(0).finishReason()).isNull();
		FinishReason reason = chunks.get(1).choices().get(0).finishReason();
		assertThat(reason.value()).isEqualTo("network_error");
		assertThat(reason.isKnown()).isFalse();
	}

	@Test
	void errorEventAfterTextFailsWithPartialResult() {
		String body = "data: " + StubPayloads.chatChunk("Partial") + "\n\n"
				+ "data: {\"error\":{\"message\":\"Upstream failed\",\"type\":\"server_error\"}}\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body));
		StepVerifier.create(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Partial"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("server_error");
				assertThat(stream.providerMessage()).isEqualTo("Upstream failed");
				assertThat(stream.isRetryable()).isTrue();
				assertThat(stream.partialResult(ChatCompletion.class)).get()
					.extracting(ChatCompletion::text)
					.isEqualTo("Partial");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void streamCutBeforeTerminalFailsWithPartialTextAndNoReplay() {
		String body = "data: " + StubPayloads.chatChunk("The") + "\n\ndata: " + StubPayloads.chatChunk(" answer")
				+ "\n\ndata: " + StubPayloads.chatChunk(" is") + "\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body).chunkSize(body.length()).closeAfter(-1));
		StepVerifier.create(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.expectNextCount(3)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class);
				LiaobotsIncompleteStreamException incomplete = (LiaobotsIncompleteStreamException) error;
				assertThat(incomplete.getMessage()).contains("after 3 events");
				assertThat(incomplete.partialResult(ChatCompletion.class)).get()
					.extracting(ChatCompletion::text)
					.isEqualTo("The answer is");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void streamResetBeforeTerminalFailsAsIncomplete() {
		String body = "data: " + StubPayloads.chatChunk("The") + "\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body).chunkPause(Duration.ofMillis(50)).resetAfter(-1));
		StepVerifier.create(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.expectNextCount(1)
			.expectError(LiaobotsIncompleteStreamException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void finishReasonWithoutDoneCompletesNormally() {
		String body = "data: " + StubPayloads.chatChunk("ok") + "\n\ndata: " + StubPayloads.chatFinishChunk("stop")
				+ "\n\n";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, sse(body).closeAfter(-1));
		StepVerifier.create(this.chat.stream(ChatCompletionRequest.of("m", "Hi"))).expectNextCount(2).verifyComplete();
	}

	@Test
	void cannedStreamAccumulatesToCannedText() {
		ChatCompletion completion = ChatCompletionAccumulator
			.accumulate(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.block(WAIT);
		ChatCompletion whole = this.chat.create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		assertThat(completion.text()).isEqualTo(whole.text());
		assertThat(completion.usage().completionTokens()).isEqualTo(whole.usage().completionTokens());
	}

	private static void assertHelloWorld(Flux<ChatCompletionChunk> stream) {
		List<ChatCompletionChunk> chunks = stream.collectList().block(WAIT);
		assertThat(chunks).extracting(ChatCompletionChunk::text).containsExactly("Hello", " world", null);
		assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
	}

	private static String helloWorldBody() {
		return "data: " + StubPayloads.chatChunk("Hello") + "\n\ndata: " + StubPayloads.chatChunk(" world")
				+ "\n\ndata: " + StubPayloads.chatFinishChunk("stop") + "\n\ndata: [DONE]\n\n";
	}

	private static String chunkWithDelta(String delta, String finishReason) {
		return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
				+ delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
	}

	private static StubResponse sse(String body) {
		return StubResponse.body(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
	}

}
