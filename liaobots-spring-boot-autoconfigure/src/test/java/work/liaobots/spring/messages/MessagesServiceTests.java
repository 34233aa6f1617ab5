package work.liaobots.spring.messages;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsOverloadedException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.MessagesCannedReplies;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubMessagesPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessagesServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String OVERLOADED = StubMessagesPayloads.error("overloaded_error", "Overloaded", "req_test_1");

	private final StubGateway gateway = StubGateway.start();

	private final GatewayTransport transport = TestTransports.create(this.gateway);

	private final MessagesService messages = new MessagesService(this.transport, "claude-sonnet-4-5");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void createReturnsWholeMessage() {
		String body = "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
				+ "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"},{\"type\":\"text\",\"text\":\" there\"}],"
				+ "\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"###\",\"usage\":{\"input_tokens\":5,"
				+ "\"cache_creation_input_tokens\":100,\"cache_read_input_tokens\":20,\"output_tokens\":7,"
				+ "\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,\"ephemeral_1h_input_tokens\":0},"
				+ "\"server_tool_use\":{\"web_search_requests\":1},\"service_tier\":\"standard\"}}";
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(body));
		Message message = this.messages.create(MessageRequest.of(null, "Hi")).block(WAIT);
		assertThat(message.id()).isEqualTo("msg_01");
		assertThat(message.text()).isEqualTo("Hello there");
		assertThat(message.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
		assertThat(message.stopSequence()).isEqualTo("###");
		MessageUsage usage = message.usage();
		assertThat(usage.totalInputTokens()).isEqualTo(125);
		assertThat(usage.totalTokens()).isEqualTo(132);
		assertThat(usage.cacheCreation().ephemeral5mInputTokens()).isEqualTo(100);
		assertThat(usage.serverToolUse().webSearchRequests()).isEqualTo(1);
		assertThat(message.toolUses()).isEmpty();
	}

	@Test
	void createSendsHeadersAndNoStreamField() {
		respondCanned("Hi");
		this.messages.create(MessageRequest.of(null, "Hi")).block(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.MESSAGES).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/messages");
		assertThat(request.header("x-api-key")).isEqualTo(StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(request.header("accept")).isEqualTo("application/json");
		assertThat(request.json().has("stream")).isFalse();
		assertThat(request.json().path("max_tokens").asInt()).isEqualTo(4096);
	}

	@Test
	void fullRequestMatchesWireShape() {
		respondCanned("ok");
		Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
				"required", List.of("city"));
		MessageRequest request = MessageRequest.builder()
			.model("claude-opus-4-1")
			.maxTokens(2048)
			.system(List.of(ContentBlock.text("You are terse.").withCacheControl(Map.of("type", "ephemeral"))))
			.message(MessageParam.user("Weather in Paris?"))
			.tools(List.of(MessageTool.of("get_weather", "Current weather", schema),
					MessageTool.server("web_search_20250305", "web_search").with("max_uses", 3)))
			.toolChoice(ToolChoice.tool("get_weather").withoutParallelToolUse())
			.temperature(0.5)
			.topP(0.9)
			.topK(40)
			.stopSequences(List.of("###"))
			.thinking(ThinkingConfig.enabled(1024))
			.metadata(Map.of("user_id", "user-42"))
			.extra("service_tier", "auto")
			.build();
		this.messages.create(request).block(WAIT);
		JsonNode sent = this.gateway.requests(StubRoute.MESSAGES).get(0).json();
		String expected = "{\"model\":\"claude-opus-4-1\",\"max_tokens\":2048,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}],"
				+ "\"system\":[{\"type\":\"text\",\"text\":\"You are terse.\",\"cache_control\":{\"type\":\"ephemeral\"}}],"
				+ "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Current weather\",\"input_schema\":"
				+ "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}},"
				+ "{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":3}],"
				+ "\"tool_choice\":{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true},"
				+ "\"temperature\":0.5,\"top_p\":0.9,\"top_k\":40,\"stop_sequences\":[\"###\"],"
				+ "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},\"metadata\":{\"user_id\":\"user-42\"},"
				+ "\"service_tier\":\"auto\"}";
		assertThat(sent).isEqualTo(LiaobotsJson.mapper().readTree(expected));
	}

	@Test
	void systemAsPlainTextIsAString() {
		respondCanned("ok");
		this.messages.create(MessageRequest.of("m", "Hi").toBuilder().system("Be brief.").build()).block(WAIT);
		JsonNode sent = this.gateway.requests(StubRoute.MESSAGES).get(0).json();
		assertThat(sent.path("system").isString()).isTrue();
		assertThat(sent.path("system").asString()).isEqualTo("Be brief.");
	}

	@Test
	void assistantMessageEchoesEveryBlockUnchanged() {
		String thinking = StubMessagesPayloads.thinkingBlock("Need the weather tool.", "EqQBCgIYAhIM1gbcDa9GJwZA");
		String redacted = "{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy3va3pzix\"}";
		String toolUse = "{\"type\":\"tool_use\",\"id\":\"toolu_01A\",\"name\":\"get_weather\","
				+ "\"input\":{\"city\":\"Paris\",\"days\":[1,2]},\"caller\":{\"type\":\"direct\"},\"toolset_name\":null,"
				+ "\"future_field\":{\"a\":true}}";
		String body = StubMessagesPayloads.message("m",
				List.of(thinking, redacted, StubMessagesPayloads.textBlock("Checking."), toolUse), "tool_use", 30, 20);
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(body));
		respondCanned("It is sunny.");
		Message first = this.messages.create(MessageRequest.of("m", "Weather?")).block(WAIT);
		assertThat(first.toolUses()).hasSize(1);

		MessageRequest followUp = MessageRequest.builder()
			.message(MessageParam.user("Weather?"))
			.message(first.toParam())
			.message(MessageParam.toolResults(ContentBlock.toolResult(first.toolUses().get(0).id(), "21°C, sunny")))
			.build();
		Message second = this.messages.create(followUp).block(WAIT);
		assertThat(second.text()).isEqualTo("It is sunny.");

		JsonNode sentMessages = this.gateway.requests(StubRoute.MESSAGES).get(1).json().path("messages");
		JsonNode original = LiaobotsJson.mapper().readTree(body).path("content");
		assertThat(sentMessages.get(1).path("role").asString()).isEqualTo("assistant");
		assertThat(sentMessages.get(1).path("content")).isEqualTo(original);
		assertThat(sentMessages.get(2)).isEqualTo(LiaobotsJson.mapper()
			.readTree("{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
					+ "\"tool_use_id\":\"toolu_01A\",\"content\":\"21°C, sunny\"}]}"));
	}

	@Test
	void requestBlocksMatchWireShape() {
		JsonNode sent = LiaobotsJson.mapper()
			.valueToTree(MessageParam.user(List.of(ContentBlock.toolResult("toolu_1", "timed out", true),
					ContentBlock.image("image/png", "iVBORw0KGgo="), ContentBlock.imageUrl("https://example.com/a.png"),
					ContentBlock.text("What is this?"))));
		assertThat(sent).isEqualTo(LiaobotsJson.mapper()
			.readTree("{\"role\":\"user\",\"content\":["
					+ "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"timed out\",\"is_error\":true},"
					+ "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
					+ "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/a.png\"}},"
					+ "{\"type\":\"text\",\"text\":\"What is this?\"}]}"));
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String body = "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"brand_new_top\":true,"
				+ "\"content\":[{\"type\":\"text\",\"text\":\"ok\",\"citations\":null},"
				+ "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[{\"type\":\"web_search_result\","
				+ "\"url\":\"https://example.com\",\"title\":\"Example\"}]},{\"type\":\"hologram\",\"depth\":3}],"
				+ "\"stop_reason\":\"model_context_window_exceeded\",\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"inference_geo\":\"us\","
				+ "\"output_tokens_details\":{\"thinking_tokens\":0}}}";
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(body));
		Message message = this.messages.create(MessageRequest.of("m", "Hi")).block(WAIT);
		assertThat(message.stopReason()).isEqualTo(StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED);
		assertThat(message.stopReason().isKnown()).isTrue();
		assertThat(message.extra()).containsEntry("brand_new_top", true);
		assertThat(message.content().get(1).type()).isEqualTo(ContentBlock.Type.WEB_SEARCH_TOOL_RESULT);
		assertThat(message.content().get(1).toolUseId()).isEqualTo("srvtoolu_1");
		assertThat(message.content().get(2).type().isKnown()).isFalse();
		assertThat(message.content().get(2).extra()).containsEntry("depth", 3);
		assertThat(message.usage().extra()).containsKeys("inference_geo", "output_tokens_details");
		JsonNode written = LiaobotsJson.mapper().valueToTree(message);
		assertThat(written).isEqualTo(withoutNulls(LiaobotsJson.mapper().readTree(body)));
	}

	@Test
	void unknownStopReasonIsKeptAsRawValue() {
		String body = StubMessagesPayloads.message("m", "ok", 1, 1).replace("end_turn", "sensitive");
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(body));
		Message message = this.messages.create(MessageRequest.of("m", "Hi")).block(WAIT);
		assertThat(message.stopReason().value()).isEqualTo("sensitive");
		assertThat(message.stopReason().isKnown()).isFalse();
	}

	@Test
	void invalidRequestErrorBodyIsMapped() {
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(400, StubMessagesPayloads
			.error("invalid_request_error", "messages: at least one message is required", "req_011")));
		StepVerifier.create(this.messages.create(MessageRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsInvalidRequestException.class)
				.hasMessageContaining("messages: at least one message is required (invalid_request_error)");
			LiaobotsException liaobots = (LiaobotsException) error;
			assertThat(liaobots.status()).isEqualTo(400);
			assertThat(liaobots.errorType()).isEqualTo("invalid_request_error");
			assertThat(liaobots.requestId()).isEqualTo("req_011");
			assertThat(liaobots.isRetryable()).isFalse();
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void authenticationErrorBodyIsMapped() {
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(401,
				StubMessagesPayloads.error("authentication_error", "invalid x-api-key", "req_012")));
		StepVerifier.create(this.messages.create(MessageRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsAuthenticationException.class)
				.hasMessageContaining("invalid x-api-key (authentication_error)")
				.hasMessageContaining("'liaobots.authcode'"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void overloadedOnceIsRetried() {
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(529, OVERLOADED));
		respondCanned("Recovered");
		Message message = this.messages.create(MessageRequest.of("m", "Hi")).block(WAIT);
		assertThat(message.text()).isEqualTo("Recovered");
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void exhaustedOverloadCarriesRequestId() {
		for (int i = 0; i < 3; i++) {
			this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(529, OVERLOADED));
		}
		StepVerifier.create(this.messages.create(MessageRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsOverloadedException.class);
			LiaobotsException overloaded = (LiaobotsException) error;
			assertThat(overloaded.status()).isEqualTo(529);
			assertThat(overloaded.errorType()).isEqualTo("overloaded_error");
			assertThat(overloaded.requestId()).isEqualTo("req_test_1");
			assertThat(overloaded.isRetryable()).isTrue();
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(3);
	}

	@Test
	void streamCallErrorBodyIsMapped() {
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(400,
				StubMessagesPayloads.error("invalid_request_error", "max_tokens: Field required", "req_013")));
		StepVerifier.create(this.messages.stream(MessageRequest.of("m", "Hi")))
			.expectError(LiaobotsInvalidRequestException.class)
			.verify(WAIT);
	}

	@Test
	void missingModelWithoutDefaultNamesTheProperty() {
		MessagesService noDefaults = new MessagesService(this.transport, null);
		StepVerifier.create(noDefaults.create(MessageRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("'liaobots.messages.default-model'"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isZero();
	}

	@Test
	void missingMaxTokensWithoutDefaultNamesTheProperty() {
		MessagesService noDefaults = new MessagesService(this.transport, "m", null, null);
		StepVerifier.create(noDefaults.stream(MessageRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("'liaobots.messages.default-max-tokens'"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isZero();
	}

	@Test
	void invalidDefaultMaxTokensIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessagesService(this.transport, "m", 0, null))
			.withMessageContaining("'liaobots.messages.default-max-tokens'");
	}

	@Test
	void configuredDefaultsAndVersionAreUsed() {
		respondCanned("ok");
		MessagesService configured = new MessagesService(this.transport, "claude-haiku-4-5", 512, "2099-01-01");
		configured.create(MessageRequest.of(null, "Hi")).block(WAIT);
		configured.create(MessageRequest.of("claude-opus-4-1", "Hi").toBuilder().maxTokens(100).build()).block(WAIT);
		List<RecordedRequest> requests = this.gateway.requests(StubRoute.MESSAGES);
		assertThat(requests.get(0).header("anthropic-version")).isEqualTo("2099-01-01");
		assertThat(requests.get(0).json().path("model").asString()).isEqualTo("claude-haiku-4-5");
		assertThat(requests.get(0).json().path("max_tokens").asInt()).isEqualTo(512);
		assertThat(requests.get(1).json().path("model").asString()).isEqualTo("claude-opus-4-1");
		assertThat(requests.get(1).json().path("max_tokens").asInt()).isEqualTo(100);
	}

	@Test
	void createRawFillsDefaultsAndDropsStream() {
		respondCanned("Raw hello");
		ObjectNode request = (ObjectNode) LiaobotsJson.mapper()
			.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true,\"x_custom\":1}");
		JsonNode response = this.messages.createRaw(request).block(WAIT);
		assertThat(response.path("content").get(0).path("text").asString()).isEqualTo("Raw hello");
		JsonNode sent = this.gateway.requests(StubRoute.MESSAGES).get(0).json();
		assertThat(sent.path("model").asString()).isEqualTo("claude-sonnet-4-5");
		assertThat(sent.path("max_tokens").asInt()).isEqualTo(4096);
		assertThat(sent.has("stream")).isFalse();
		assertThat(sent.path("x_custom").asInt()).isEqualTo(1);
		assertThat(request.has("model")).as("caller's tree is not changed").isFalse();
	}

	@Test
	void rawStreamDropsPingEvents() {
		respondCanned("Raw stream");
		ObjectNode request = (ObjectNode) LiaobotsJson.mapper()
			.readTree("{\"model\":\"m\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		List<JsonNode> events = this.messages.streamRaw(request).collectList().block(WAIT);
		List<String> types = events.stream().map((event) -> event.path("type").asString()).toList();
		assertThat(types).doesNotContain("ping").startsWith("message_start").endsWith("message_stop");
		JsonNode sent = this.gateway.requests(StubRoute.MESSAGES).get(0).json();
		assertThat(sent.path("stream").asBoolean()).isTrue();
		assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
		assertThat(this.gateway.requests().get(0).header("anthropic-version")).isEqualTo("2023-06-01");
	}

	@Test
	void streamRawErrorEventFailsTheStream() {
		String body = "event: message_start\ndata: " + StubMessagesPayloads.messageStart("m", 3) + "\n\n"
				+ "event: error\ndata: " + StubMessagesPayloads.errorEvent("overloaded_error", "Overloaded") + "\n\n";
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.body(200, "text/event-stream", body));
		ObjectNode request = (ObjectNode) LiaobotsJson.mapper()
			.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		StepVerifier.create(this.messages.streamRaw(request)).expectNextCount(1).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsStreamException.class);
			assertThat(((LiaobotsStreamException) error).errorType()).isEqualTo("overloaded_error");
			assertThat(((LiaobotsStreamException) error).isRetryable()).isTrue();
		}).verify(WAIT);
	}

	private void respondCanned(String text) {
		this.gateway.respond(StubRoute.MESSAGES,
				(request) -> MessagesCannedReplies.reply(request, text, Duration.ZERO));
	}

	/**
	 * Returns a copy of a tree without null-valued object fields, which the client does
	 * not write back.
	 */
	private static JsonNode withoutNulls(JsonNode node) {
		JsonNode copy = node.deepCopy();
		removeNulls(copy);
		return copy;
	}

	private static void removeNulls(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> nullFields = object.properties()
				.stream()
				.filter((entry) -> entry.getValue().isNull())
				.map(Map.Entry::getKey)
				.toList();
			object.remove(nullFields);
		}
		node.forEach(MessagesServiceTests::removeNulls);
	}

}
