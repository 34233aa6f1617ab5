package work.liaobots.spring.messages;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.MessagesCannedReplies;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubExchange;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubMessagesPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesStreamingTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final MessagesService messages = new MessagesService(TestTransports.create(this.gateway),
			"claude-sonnet-4-5");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamSendsVersionHeaderAndDefaults() {
		respondCanned("Hi there");
		this.messages.stream(MessageRequest.of(null, "Hi")).blockLast(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.MESSAGES).get(0);
		assertThat(request.path()).isEqualTo("/v1/messages");
		assertThat(request.header("x-api-key")).isEqualTo(StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.header("authorization")).isNull();
		assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(request.header("accept")).isEqualTo("text/event-stream");
		assertThat(request.header("content-type")).isEqualTo("application/json");
		assertThat(request.json().path("model").asString()).isEqualTo("claude-sonnet-4-5");
		assertThat(request.json().path("max_tokens").asInt()).isEqualTo(MessagesService.DEFAULT_MAX_TOKENS);
		assertThat(request.json().path("stream").asBoolean()).isTrue();
		assertThat(request.json().path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi\"}]");
	}

	@Test
	void cannedStreamEqualsWholeMessage() {
		respondCanned("Hello from the stub gateway, Grüße 你好 🙂");
		Message streamed = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi")))
			.block(WAIT);
		Message whole = this.messages.create(MessageRequest.of("m", "Hi")).block(WAIT);
		assertThat(streamed).isEqualTo(whole);
		assertThat(streamed.text()).isEqualTo("Hello from the stub gateway, Grüße 你好 🙂");
		assertThat(streamed.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(streamed.usage().outputTokens()).isEqualTo(whole.usage().outputTokens());
	}

	@Test
	void pingEventsAreNotEmitted() {
		respondCanned("Hello world");
		List<MessageStreamEvent> events = this.messages.stream(MessageRequest.of("m", "Hi")).collectList().block(WAIT);
		assertThat(events).extracting(MessageStreamEvent::type).doesNotContain(MessageStreamEvent.Type.PING);
		assertThat(events.get(0).type()).isEqualTo(MessageStreamEvent.Type.MESSAGE_START);
		assertThat(events.get(events.size() - 1).type()).isEqualTo(MessageStreamEvent.Type.MESSAGE_STOP);
	}

	@Test
	void pingsAnywhereAreSkipped() {
		String ping = event(StubMessagesPayloads.ping());
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + ping + ping
				+ event(StubMessagesPayloads.textBlockStart(0)) + ping + event(StubMessagesPayloads.textDelta(0, "Hi"))
				+ ping + event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 1)) + ping
				+ event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).chunkSize(7));
		List<MessageStreamEvent> events = this.messages.stream(MessageRequest.of("m", "Hi")).collectList().block(WAIT);
		assertThat(events).hasSize(6);
		assertThat(accumulate(events).text()).isEqualTo("Hi");
	}

	@Test
	void pingsKeepQuietStreamAlive() {
		StubResponse.SseBuilder stream = StubResponse.sse()
			.event("message_start", StubMessagesPayloads.messageStart("m", 10));
		for (int i = 0; i < 6; i++) {
			stream.pause(Duration.ofMillis(300)).event("ping", StubMessagesPayloads.ping());
		}
		stream.flush();
		helloWorldEvents().subList(2, 8).forEach((json) -> stream.event(typeOf(json), json));
		this.gateway.enqueue(StubRoute.MESSAGES, stream.build());
		CallOptions options = CallOptions.defaults().withIdleTimeout(Duration.ofMillis(1000));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"), options))
			.block(WAIT);
		assertThat(message.text()).isEqualTo("Hello world");
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void byteByByteStreamLosesNothing() {
		this.gateway.enqueue(StubRoute.MESSAGES, sse(helloWorldBody()).chunkSize(1));
		assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
	}

	@Test
	void randomChunkingLosesNothing() {
		for (long seed = 1; seed <= 10; seed++) {
			this.gateway.enqueue(StubRoute.MESSAGES, sse(helloWorldBody()).randomChunks(seed, 40));
			assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
		}
	}

	@Test
	void chunkSplitInsideFieldNameLosesNothing() {
		String body = helloWorldBody();
		int insideEventName = body.indexOf("event: content_block_delta") + 3;
		int insideText = body.indexOf("\"Hel") + 3;
		StubResponse response = sse(body).splitAt(23, insideEventName, insideText).chunkPause(Duration.ofMillis(30));
		this.gateway.enqueue(StubRoute.MESSAGES, response);
		assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
	}

	@Test
	void crlfFramingIsRead() {
		StubResponse.SseBuilder stream = StubResponse.sse().crlf();
		for (String json : helloWorldEvents()) {
			stream.event(typeOf(json), json).flush();
		}
		this.gateway.enqueue(StubRoute.MESSAGES, stream.build().chunkSize(5));
		assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
	}

	@Test
	void multiByteCharactersSurviveSplits() {
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + event(StubMessagesPayloads.textBlockStart(0))
				+ event(StubMessagesPayloads.textDelta(0, "Grüße 你好 🙂"))
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 5)) + event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).chunkSize(1));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		assertThat(message.text()).isEqualTo("Grüße 你好 🙂");
	}

	@Test
	void streamWithoutEventLinesIsRead() {
		StringBuilder body = new StringBuilder();
		helloWorldEvents().forEach((json) -> body.append("data: ").append(json).append("\n\n"));
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body.toString()));
		assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
	}

	@Test
	void eventLineNamesDataWithoutType() {
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + event(StubMessagesPayloads.textBlockStart(0))
				+ "event: content_block_delta\ndata: {\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}\n\n"
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 1)) + "event: message_stop\ndata: {}\n\n";
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).keepOpen());
		List<MessageStreamEvent> events = this.messages.stream(MessageRequest.of("m", "Hi")).collectList().block(WAIT);
		assertThat(events.get(2).type()).isEqualTo(MessageStreamEvent.Type.CONTENT_BLOCK_DELTA);
		assertThat(events.get(2).text()).isEqualTo("ok");
		assertThat(events.get(events.size() - 1).type()).isEqualTo(MessageStreamEvent.Type.MESSAGE_STOP);
	}

	@Test
	void dataTypeWinsOverEventLine() {
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + "event: something_else\ndata: "
				+ StubMessagesPayloads.messageStop() + "\n\n";
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).keepOpen());
		List<MessageStreamEvent> events = this.messages.stream(MessageRequest.of("m", "Hi")).collectList().block(WAIT);
		assertThat(events).extracting(MessageStreamEvent::type)
			.containsExactly(MessageStreamEvent.Type.MESSAGE_START, MessageStreamEvent.Type.MESSAGE_STOP);
	}

	@Test
	void dataSplitOverSeveralLinesIsOneEvent() {
		String body = event(StubMessagesPayloads.messageStart("m", 3))
				+ "event: message_delta\ndata: {\"type\":\"message_delta\",\n"
				+ "data: \"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\n"
				+ "data: \"usage\":{\"output_tokens\":7}}\n\n"
				+ "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		List<MessageStreamEvent> events = this.messages.stream(MessageRequest.of("m", "Hi")).collectList().block(WAIT);
		assertThat(events).hasSize(3);
		MessageStreamEvent delta = events.get(1);
		assertThat(delta.delta().stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(delta.usage().outputTokens()).isEqualTo(7);
		assertThat(accumulate(events).usage().outputTokens()).isEqualTo(7);
	}

	@Test
	void messageDeltaUsageReplacesOutputCount() {
		String body = event(StubMessagesPayloads.messageStart("m", 25)) + event(StubMessagesPayloads.textBlockStart(0))
				+ event(StubMessagesPayloads.textDelta(0, "Hi")) + event(StubMessagesPayloads.textDelta(0, " there"))
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n"
				+ event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		MessageUsage usage = message.usage();
		assertThat(usage.inputTokens()).isEqualTo(25);
		assertThat(usage.outputTokens()).isEqualTo(15);
		assertThat(usage.totalInputTokens()).isEqualTo(25);
		assertThat(usage.totalTokens()).isEqualTo(40);
		assertThat(usage.serviceTier()).isEqualTo("standard");
	}

	@Test
	void laterCumulativeInputCountsReplaceEarlierOnes() {
		String body = event(StubMessagesPayloads.messageStart("m", 25))
				+ "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
				+ "\"usage\":{\"input_tokens\":30,\"cache_read_input_tokens\":100,\"output_tokens\":4}}\n\n"
				+ event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		assertThat(message.usage().inputTokens()).isEqualTo(30);
		assertThat(message.usage().cacheReadInputTokens()).isEqualTo(100);
		assertThat(message.usage().cacheCreationInputTokens()).isZero();
		assertThat(message.usage().totalInputTokens()).isEqualTo(130);
		assertThat(message.usage().outputTokens()).isEqualTo(4);
	}

	@Test
	void toolInputPiecesAreJoinedPerBlock() {
		List<String> pieces = List.of("{\"city\":", " \"Par", "is\", \"unit\"", ": \"celsius\"}");
		this.gateway.enqueue(StubRoute.MESSAGES,
				MessagesCannedReplies.toolUseStream("m", "Let me check.", "toolu_01A", "get_weather", pieces, 20, 31)
					.randomChunks(3, 25));
		this.gateway.enqueue(StubRoute.MESSAGES,
				StubResponse.json(
						StubMessagesPayloads.message(
								"m", List
									.of(StubMessagesPayloads.textBlock("Let me check."),
											StubMessagesPayloads.toolUseBlock("toolu_01A", "get_weather",
													"{\"city\":\"Paris\",\"unit\":\"celsius\"}")),
								"tool_use", 20, 31)));
		Message streamed = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Weather?")))
			.block(WAIT);
		Message whole = this.messages.create(MessageRequest.of("m", "Weather?")).block(WAIT);
		assertThat(streamed).isEqualTo(whole);
		assertThat(streamed.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(streamed.toolUses()).hasSize(1);
		ContentBlock toolUse = streamed.toolUses().get(0);
		assertThat(toolUse.id()).isEqualTo("toolu_01A");
		assertThat(toolUse.name()).isEqualTo("get_weather");
		assertThat(toolUse.input().path("city").asString()).isEqualTo("Paris");
		assertThat(toolUse.inputAs(Weather.class)).isEqualTo(new Weather("Paris", "celsius"));
	}

	@Test
	void toolInputsOfSeveralBlocksStaySeparate() {
		String body = event(StubMessagesPayloads.messageStart("m", 3))
				+ event(StubMessagesPayloads.toolUseBlockStart(0, "toolu_1", "get_weather"))
				+ event(StubMessagesPayloads.inputJsonDelta(0, "{\"city\":"))
				+ event(StubMessagesPayloads.inputJsonDelta(0, "\"Paris\"}"))
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.toolUseBlockStart(1, "toolu_2", "get_time"))
				+ event(StubMessagesPayloads.inputJsonDelta(1, "")) + event(StubMessagesPayloads.contentBlockStop(1))
				+ event(StubMessagesPayloads.toolUseBlockStart(2, "toolu_3", "get_date"))
				+ event(StubMessagesPayloads.contentBlockStop(2))
				+ event(StubMessagesPayloads.messageDelta("tool_use", 12)) + event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).randomChunks(11, 30));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		assertThat(message.toolUses()).extracting(ContentBlock::id).containsExactly("toolu_1", "toolu_2", "toolu_3");
		assertThat(message.toolUses()).extracting((block) -> block.input().toString())
			.containsExactly("{\"city\":\"Paris\"}", "{}", "{}");
		assertThat(message.text()).isEmpty();
	}

	@Test
	void thinkingIsAppendedAndSignatureReplaced() {
		this.gateway.enqueue(StubRoute.MESSAGES, MessagesCannedReplies.thinkingStream("m",
				List.of("The user ", "greets me. ", "Answer kindly."), "sig-final", "Hello there!", 12, 40));
		this.gateway
			.enqueue(StubRoute.MESSAGES,
					StubResponse.json(StubMessagesPayloads.message("m",
							List.of(StubMessagesPayloads.thinkingBlock("The user greets me. Answer kindly.",
									"sig-final"), StubMessagesPayloads.textBlock("Hello there!")),
							"end_turn", 12, 40)));
		Message streamed = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi")))
			.block(WAIT);
		Message whole = this.messages.create(MessageRequest.of("m", "Hi")).block(WAIT);
		assertThat(streamed).isEqualTo(whole);
		ContentBlock thinking = streamed.content().get(0);
		assertThat(thinking.type()).isEqualTo(ContentBlock.Type.THINKING);
		assertThat(thinking.thinking()).isEqualTo("The user greets me. Answer kindly.");
		assertThat(thinking.signature()).isEqualTo("sig-final");
		assertThat(streamed.text()).isEqualTo("Hello there!");
	}

	@Test
	void secondSignatureReplacesTheFirst() {
		String body = event(StubMessagesPayloads.messageStart("m", 3))
				+ event(StubMessagesPayloads.thinkingBlockStart(0))
				+ event(StubMessagesPayloads.thinkingDelta(0, "Hm."))
				+ event(StubMessagesPayloads.signatureDelta(0, "first"))
				+ event(StubMessagesPayloads.signatureDelta(0, "second"))
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 3)) + event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		assertThat(message.content().get(0).signature()).isEqualTo("second");
		assertThat(message.content().get(0).thinking()).isEqualTo("Hm.");
	}

	@Test
	void citationsDeltaAddsCitation() {
		String citation = "{\"type\":\"char_location\",\"cited_text\":\"Grass is green.\",\"document_index\":0,"
				+ "\"start_char_index\":0,\"end_char_index\":15}";
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + event(StubMessagesPayloads.textBlockStart(0))
				+ "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
				+ "\"delta\":{\"type\":\"citations_delta\",\"citation\":" + citation + "}}\n\n"
				+ event(StubMessagesPayloads.textDelta(0, "Grass is green."))
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 3)) + event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		ContentBlock text = message.content().get(0);
		assertThat(text.text()).isEqualTo("Grass is green.");
		assertThat(LiaobotsJson.mapper().valueToTree(text.citations()).toString()).isEqualTo("[" + citation + "]");
	}

	@Test
	void errorEventKeepsPartialMessage() {
		String body = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
				+ "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-x\",\"stop_reason\":null,\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
				+ "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
				+ "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Partial\"}}\n\n"
				+ "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).closeAfter(-1));
		StepVerifier.create(this.messages.stream(MessageRequest.of("m", "Hi")))
			.expectNextCount(2)
			.assertNext((event) -> assertThat(event.text()).isEqualTo("Partial"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo("overloaded_error");
				assertThat(stream.providerMessage()).isEqualTo("Overloaded");
				assertThat(stream.isRetryable()).isTrue();
				Message partial = stream.partialResult(Message.class).orElseThrow();
				assertThat(partial.text()).isEqualTo("Partial");
				assertThat(partial.id()).isEqualTo("msg_1");
				assertThat(partial.stopReason()).isNull();
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void transientErrorAsFirstEventIsRetried() {
		this.gateway.enqueue(StubRoute.MESSAGES,
				sse(event(StubMessagesPayloads.errorEvent("overloaded_error", "Overloaded"))));
		respondCanned("Second try");
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		assertThat(message.text()).isEqualTo("Second try");
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void permanentErrorAsFirstEventIsNotRetried() {
		this.gateway.enqueue(StubRoute.MESSAGES,
				sse(event(StubMessagesPayloads.errorEvent("invalid_request_error", "prompt is too long"))));
		StepVerifier.create(this.messages.stream(MessageRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsStreamException.class);
			assertThat(((LiaobotsStreamException) error).isRetryable()).isFalse();
			assertThat(((LiaobotsStreamException) error).partialResult(Message.class).orElseThrow().content())
				.isEmpty();
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void messageStopEndsOpenStream() throws InterruptedException {
		this.gateway.enqueue(StubRoute.MESSAGES, sse(helloWorldBody()).keepOpen());
		long start = System.nanoTime();
		assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		StubExchange exchange = this.gateway.exchanges().get(0);
		assertThat(exchange.awaitClose(5000)).as("client closed the kept-open connection").isTrue();
	}

	@Test
	void truncatedBodyKeepsPartialMessage() {
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + event(StubMessagesPayloads.textBlockStart(0))
				+ event(StubMessagesPayloads.textDelta(0, "The")) + event(StubMessagesPayloads.textDelta(0, " answer"));
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).closeAfter(-1));
		StepVerifier.create(this.messages.stream(MessageRequest.of("m", "Hi")))
			.expectNextCount(4)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class);
				assertThat(error.getMessage()).contains("after 4 events");
				Message partial = ((LiaobotsIncompleteStreamException) error).partialResult(Message.class)
					.orElseThrow();
				assertThat(partial.text()).isEqualTo("The answer");
			})
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void toolInputCutMidwayIsKeptAsText() {
		String body = event(StubMessagesPayloads.messageStart("m", 3))
				+ event(StubMessagesPayloads.toolUseBlockStart(0, "toolu_1", "get_weather"))
				+ event(StubMessagesPayloads.inputJsonDelta(0, "{\"city\": \"Par"));
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).resetAfter(-1));
		StepVerifier.create(this.messages.stream(MessageRequest.of("m", "Hi")))
			.expectNextCount(3)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class);
				ContentBlock toolUse = ((LiaobotsIncompleteStreamException) error).partialResult(Message.class)
					.orElseThrow()
					.toolUses()
					.get(0);
				assertThat(toolUse.input().isString()).isTrue();
				assertThat(toolUse.input().asString()).isEqualTo("{\"city\": \"Par");
			})
			.verify(WAIT);
	}

	@Test
	void stopReasonWithoutMessageStopCompletes() {
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + event(StubMessagesPayloads.textBlockStart(0))
				+ event(StubMessagesPayloads.textDelta(0, "ok")) + event(StubMessagesPayloads.contentBlockStop(0))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 1));
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body).closeAfter(-1));
		StepVerifier.create(this.messages.stream(MessageRequest.of("m", "Hi"))).expectNextCount(5).verifyComplete();
	}

	@Test
	void doneMarkerIsNeverParsed() {
		String body = helloWorldBody() + "data: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		assertHelloWorld(this.messages.stream(MessageRequest.of("m", "Hi")));
	}

	@Test
	void unknownEventsBlocksAndFieldsAreKept() {
		String body = event(StubMessagesPayloads.messageStart("m", 3))
				+ "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
				+ "\"content_block\":{\"type\":\"future_block\",\"payload\":{\"x\":1}}}\n\n"
				+ "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
				+ "\"delta\":{\"type\":\"future_delta\",\"bits\":\"ab\"}}\n\n"
				+ event(StubMessagesPayloads.contentBlockStop(0))
				+ "event: brand_new_event\ndata: {\"type\":\"brand_new_event\",\"note\":\"hello\"}\n\n"
				+ event(StubMessagesPayloads.textBlockStart(1)) + event(StubMessagesPayloads.textDelta(1, "ok"))
				+ event(StubMessagesPayloads.contentBlockStop(1))
				+ "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"network_error\","
				+ "\"container\":{\"id\":\"c1\"}},\"usage\":{\"output_tokens\":2,\"inference_geo\":\"us\"}}\n\n"
				+ event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		List<MessageStreamEvent> events = this.messages.stream(MessageRequest.of("m", "Hi")).collectList().block(WAIT);
		MessageStreamEvent unknown = events.get(4);
		assertThat(unknown.type().value()).isEqualTo("brand_new_event");
		assertThat(unknown.type().isKnown()).isFalse();
		assertThat(unknown.extra()).containsEntry("note", "hello");
		assertThat(events.get(2).delta().type().isKnown()).isFalse();
		Message message = accumulate(events);
		ContentBlock future = message.content().get(0);
		assertThat(future.type().value()).isEqualTo("future_block");
		assertThat(LiaobotsJson.mapper().writeValueAsString(future))
			.isEqualTo("{\"type\":\"future_block\",\"payload\":{\"x\":1}}");
		assertThat(message.text()).isEqualTo("ok");
		assertThat(message.stopReason().value()).isEqualTo("network_error");
		assertThat(message.stopReason().isKnown()).isFalse();
		assertThat(message.extra()).containsKey("container");
		assertThat(message.usage().extra()).containsEntry("inference_geo", "us");
	}

	@Test
	void deltaForUnopenedBlockIsStillFolded() {
		String body = event(StubMessagesPayloads.messageStart("m", 3)) + event(StubMessagesPayloads.textDelta(0, "ok"))
				+ event(StubMessagesPayloads.messageDelta("end_turn", 1)) + event(StubMessagesPayloads.messageStop());
		this.gateway.enqueue(StubRoute.MESSAGES, sse(body));
		Message message = MessageAccumulator.accumulate(this.messages.stream(MessageRequest.of("m", "Hi"))).block(WAIT);
		assertThat(message.text()).isEqualTo("ok");
	}

	private void respondCanned(String text) {
		this.gateway.respond(StubRoute.MESSAGES,
				(request) -> MessagesCannedReplies.reply(request, text, Duration.ZERO));
	}

	private static void assertHelloWorld(Flux<MessageStreamEvent> stream) {
		List<MessageStreamEvent> events = stream.collectList().block(WAIT);
		assertThat(events).extracting(MessageStreamEvent::text)
			.filteredOn((text) -> text != null)
			.containsExactly("Hello", " world");
		assertThat(events).hasSize(7);
		assertThat(events.get(6).type()).isEqualTo(MessageStreamEvent.Type.MESSAGE_STOP);
		Message message = accumulate(events);
		assertThat(message.text()).isEqualTo("Hello world");
		assertThat(message.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(message.usage().inputTokens()).isEqualTo(10);
		assertThat(message.usage().outputTokens()).isEqualTo(2);
	}

	private static Message accumulate(List<MessageStreamEvent> events) {
		MessageAccumulator accumulator = new MessageAccumulator();
		events.forEach(accumulator::add);
		return accumulator.result();
	}

	private static List<String> helloWorldEvents() {
		return List.of(StubMessagesPayloads.messageStart("m", 10), StubMessagesPayloads.ping(),
				StubMessagesPayloads.textBlockStart(0), StubMessagesPayloads.textDelta(0, "Hello"),
				StubMessagesPayloads.textDelta(0, " world"), StubMessagesPayloads.contentBlockStop(0),
				StubMessagesPayloads.messageDelta("end_turn", 2), StubMessagesPayloads.messageStop());
	}

	private static String helloWorldBody() {
		StringBuilder body = new StringBuilder();
		helloWorldEvents().forEach((json) -> body.append(event(json)));
		return body.toString();
	}

	/**
	 * Returns an SSE event whose {@code event:} line repeats the data's type, as
	 * Anthropic sends it.
	 */
	private static String event(String json) {
		return "event: " + typeOf(json) + "\ndata: " + json + "\n\n";
	}

	private static String typeOf(String json) {
		return LiaobotsJson.mapper().readTree(json).path("type").asString();
	}

	private static StubResponse sse(String body) {
		return StubResponse.body(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
	}

	record Weather(String city, String unit) {

	}

}
