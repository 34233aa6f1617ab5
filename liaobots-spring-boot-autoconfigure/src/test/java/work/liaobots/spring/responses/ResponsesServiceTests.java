package work.liaobots.spring.responses;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsRateLimitException;
import work.liaobots.spring.error.LiaobotsServerException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.ResponsesCannedReplies;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubResponsesPayloads;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResponsesServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final ResponsesService responses = new ResponsesService(TestTransports.create(this.gateway), "m");

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
	void createReturnsWholeResponse() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(StubResponsesPayloads.response("gpt-4o-mini", "Hello there", 12, 3)));
		Response response = this.responses.create(ResponseRequest.of("gpt-4o-mini", "Hi")).block(WAIT);
		assertThat(response.id()).isEqualTo(StubResponsesPayloads.RESPONSE_ID);
		assertThat(response.object()).isEqualTo("response");
		assertThat(response.status()).isEqualTo(ResponseStatus.COMPLETED);
		assertThat(response.createdAt()).isEqualTo(1760000000L);
		assertThat(response.completedAt()).isEqualTo(1760000001L);
		assertThat(response.model()).isEqualTo("gpt-4o-mini");
		assertThat(response.outputText()).isEqualTo("Hello there");
		assertThat(response.usage().totalTokens()).isEqualTo(15);
		ResponseOutputItem message = response.output().get(0);
		assertThat(message.type()).isEqualTo(ResponseOutputItem.MESSAGE);
		assertThat(message.role()).isEqualTo("assistant");
		assertThat(message.status()).isEqualTo(ResponseStatus.COMPLETED);
		assertThat(message.content().get(0).annotations()).isEmpty();
		assertThat(response.functionCalls()).isEmpty();
		assertThat(response.extra()).containsEntry("store", true).containsKey("tools");
	}

	@Test
	void createSendsBearerAuthAndNoStreamFlag() {
		this.responses.create(ResponseRequest.of(null, "Hi")).block(WAIT);
		RecordedRequest request = this.gateway.requests(StubRoute.RESPONSES).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/responses");
		assertThat(request.header("authorization")).isEqualTo("Bearer " + StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(request.header("accept")).isEqualTo("application/json");
		assertThat(request.json().has("stream")).isFalse();
		assertThat(request.json().path("model").asString()).isEqualTo("m");
		assertThat(request.json().path("input").asString()).isEqualTo("Hi");
	}

	@Test
	void requestBodyHasTheApiFieldNames() {
		Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
		ResponseRequest request = ResponseRequest.builder()
			.model("gpt-5")
			.input(List.of(ResponseInputItem.user("Weather in Paris?"),
					ResponseInputItem.functionCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
					ResponseInputItem.functionCallOutput("call_1", "{\"celsius\":21}")))
			.instructions("Be brief.")
			.tools(List.of(ResponseTool.function("get_weather", "Current weather", schema),
					ResponseTool.builtIn("web_search")))
			.toolChoice("auto")
			.temperature(0.2)
			.topP(0.9)
			.maxOutputTokens(500)
			.reasoning(new ResponseRequest.Reasoning("low", "auto"))
			.text(ResponseRequest.TextConfig.jsonSchema("weather", schema))
			.previousResponseId("resp_prev")
			.store(false)
			.metadata(Map.of("ticket", "42"))
			.parallelToolCalls(false)
			.user("user-7")
			.extra("truncation", "auto")
			.build();

		this.responses.create(request).block(WAIT);

		JsonNode body = this.gateway.requests(StubRoute.RESPONSES).get(0).json();
		assertThat(body.path("model").asString()).isEqualTo("gpt-5");
		assertThat(body.path("instructions").asString()).isEqualTo("Be brief.");
		assertThat(body.path("input").get(0).toString())
			.isEqualTo("{\"type\":\"message\",\"role\":\"user\",\"content\":\"Weather in Paris?\"}");
		assertThat(body.path("input").get(1).toString()).isEqualTo(
				"{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}");
		assertThat(body.path("input").get(2).toString()).isEqualTo(
				"{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"celsius\\\":21}\"}");

		JsonNode function = body.path("tools").get(0);
		assertThat(function.path("type").asString()).isEqualTo("function");
		assertThat(function.path("name").asString()).isEqualTo("get_weather");
		assertThat(function.path("description").asString()).isEqualTo("Current weather");
		assertThat(function.path("parameters").path("properties").path("city").path("type").asString())
			.isEqualTo("string");
		assertThat(function.has("function")).isFalse();
		assertThat(body.path("tools").get(1).toString()).isEqualTo("{\"type\":\"web_search\"}");

		assertThat(body.path("tool_choice").asString()).isEqualTo("auto");
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.path("max_output_tokens").asInt()).isEqualTo(500);
		assertThat(body.path("reasoning").toString()).isEqualTo("{\"effort\":\"low\",\"summary\":\"auto\"}");

		JsonNode format = body.path("text").path("format");
		assertThat(format.path("type").asString()).isEqualTo("json_schema");
		assertThat(format.path("name").asString()).isEqualTo("weather");
		assertThat(format.path("strict").asBoolean()).isTrue();
		assertThat(format.path("schema").path("type").asString()).isEqualTo("object");

		assertThat(body.path("previous_response_id").asString()).isEqualTo("resp_prev");
		assertThat(body.path("store").asBoolean(true)).isFalse();
		assertThat(body.path("metadata").path("ticket").asString()).isEqualTo("42");
		assertThat(body.path("parallel_tool_calls").asBoolean(true)).isFalse();
		assertThat(body.path("user").asString()).isEqualTo("user-7");
		assertThat(body.path("truncation").asString()).isEqualTo("auto");
		assertThat(body.has("stream")).isFalse();
	}

	@Test
	void messageWithPartsSendsContentList() {
		ResponseRequest request = ResponseRequest.builder()
			.input(List.of(ResponseInputItem.message(ResponseInputItem.USER,
					List.of(ResponseInputItem.inputText("What is this?"),
							ResponseInputItem.inputImage("https://example.com/cat.png")))))
			.build();
		this.responses.create(request).block(WAIT);
		JsonNode content = this.gateway.requests(StubRoute.RESPONSES)
			.get(0)
			.json()
			.path("input")
			.get(0)
			.path("content");
		assertThat(content.toString()).isEqualTo("[{\"type\":\"input_text\",\"text\":\"What is this?\"},"
				+ "{\"type\":\"input_image\",\"image_url\":\"https://example.com/cat.png\"}]");
	}

	@Test
	void emptyFunctionOutputIsStillSent() {
		ResponseRequest request = ResponseRequest.builder()
			.input(List.of(ResponseInputItem.functionCallOutput("call_1", "")))
			.build();
		this.responses.create(request).block(WAIT);
		JsonNode item = this.gateway.requests(StubRoute.RESPONSES).get(0).json().path("input").get(0);
		assertThat(item.has("output")).isTrue();
		assertThat(item.path("output").asString()).isEmpty();
	}

	@Test
	void functionCallResponseAnswersWithOutputItem() {
		this.gateway.enqueue(StubRoute.RESPONSES, StubResponse
			.json(StubResponsesPayloads.functionCallResponse("m", "call_9", "get_time", "{\"tz\":\"UTC\"}", 10, 4)));
		Response response = this.responses.create(ResponseRequest.of("m", "Time?")).block(WAIT);
		ResponseOutputItem call = response.functionCalls().get(0);
		assertThat(call.id()).isEqualTo(StubResponsesPayloads.FUNCTION_CALL_ID);
		assertThat(call.callId()).isEqualTo("call_9");
		ResponseRequest next = ResponseRequest.builder()
			.previousResponseId(response.id())
			.input(List.of(ResponseInputItem.functionCall(call),
					ResponseInputItem.functionCallOutput(call.callId(), "{\"time\":\"12:00\"}")))
			.build();
		this.responses.create(next).block(WAIT);
		JsonNode body = this.gateway.requests(StubRoute.RESPONSES).get(1).json();
		assertThat(body.path("previous_response_id").asString()).isEqualTo(StubResponsesPayloads.RESPONSE_ID);
		assertThat(body.path("input").get(0).path("arguments").asString()).isEqualTo("{\"tz\":\"UTC\"}");
		assertThat(body.path("input").get(1).path("call_id").asString()).isEqualTo("call_9");
	}

	@Test
	void echoingNonFunctionItemIsRejected() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(StubResponsesPayloads.response("m", "Hello there", 1, 1)));
		ResponseOutputItem message = this.responses.create(ResponseRequest.of("m", "Hi")).block(WAIT).output().get(0);
		assertThatIllegalArgumentException().isThrownBy(() -> ResponseInputItem.functionCall(message))
			.withMessageContaining("'msg_stub' of type 'message' is not a function call");
	}

	@Test
	void unknownFieldsAndItemTypesAreKept() {
		String body = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,\"status\":\"brand_new_status\","
				+ "\"brand_new_top\":true,\"model\":\"m\",\"output\":[{\"type\":\"web_search_call\",\"id\":\"ws_1\","
				+ "\"status\":\"completed\",\"action\":{\"type\":\"search\",\"query\":\"q\"}},"
				+ "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":["
				+ "{\"type\":\"output_text\",\"text\":\"ok\",\"annotations\":[{\"type\":\"url_citation\",\"url\":\"https://a.b\"}]},"
				+ "{\"type\":\"brand_new_part\",\"blob\":{\"x\":1}}]}],"
				+ "\"usage\":{\"input_tokens\":1,\"input_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":5},"
				+ "\"output_tokens\":1,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":2}}";
		this.gateway.enqueue(StubRoute.RESPONSES, StubResponse.json(body));
		Response response = this.responses.create(ResponseRequest.of("m", "Hi")).block(WAIT);
		assertThat(response.status().value()).isEqualTo("brand_new_status");
		assertThat(response.status().isKnown()).isFalse();
		assertThat(response.extra()).containsEntry("brand_new_top", true);
		ResponseOutputItem search = response.output().get(0);
		assertThat(search.type()).isEqualTo("web_search_call");
		assertThat(search.extra()).containsKey("action");
		assertThat(response.outputText()).isEqualTo("ok");
		ResponseContentPart unknownPart = response.output().get(1).content().get(1);
		assertThat(unknownPart.type()).isEqualTo("brand_new_part");
		assertThat(response.output().get(1).content().get(0).annotations()).hasSize(1);
		assertThat(response.usage().inputTokensDetails().extra()).containsEntry("cache_write_tokens", 5);
		String written = LiaobotsJson.mapper().writeValueAsString(response);
		assertThat(LiaobotsJson.mapper().readTree(written)).isEqualTo(LiaobotsJson.mapper().readTree(body));
	}

	@Test
	void missingModelNamesTheProperty() {
		ResponsesService withoutDefault = new ResponsesService(TestTransports.create(this.gateway), null);
		StepVerifier.create(withoutDefault.create(ResponseRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("'liaobots.responses.default-model'"))
			.verify(WAIT);
		StepVerifier.create(withoutDefault.stream(ResponseRequest.of(" ", "Hi")))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isZero();
	}

	@Test
	void unauthorizedMapsToAuthentication() {
		this.gateway.authcode("another-code");
		StepVerifier.create(this.responses.create(ResponseRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsAuthenticationException.class);
			LiaobotsException liaobots = (LiaobotsException) error;
			assertThat(liaobots.status()).isEqualTo(401);
			assertThat(error.getMessage()).contains("/v1/responses").doesNotContain(StubGateway.DEFAULT_AUTHCODE);
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void badRequestMapsToInvalidRequestWithoutRetry() {
		this.gateway.enqueue(StubRoute.RESPONSES, StubResponse.json(400,
				StubPayloads.openAiError("invalid_request_error", "Unsupported parameter: 'temperature'")));
		StepVerifier.create(this.responses.create(ResponseRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsInvalidRequestException.class)
				.hasMessageContaining("Unsupported parameter: 'temperature' (invalid_request_error)"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void rateLimitCarriesTheWait() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(429, StubPayloads.openAiError("rate_limit_exceeded", "Slow down"))
					.header("Retry-After", "86400"));
		StepVerifier.create(this.responses.create(ResponseRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(((LiaobotsRateLimitException) error).retryAfter())
				.contains(Duration.ofHours(24)))
			.verify(WAIT);
	}

	@Test
	void serverErrorIsRetriedThenSucceeds() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(500, StubPayloads.openAiError("server_error", "boom")));
		Response response = this.responses.create(ResponseRequest.of("m", "Hi")).block(WAIT);
		assertThat(response.outputText()).isNotEmpty();
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void callOptionsLimitAttempts() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(500, StubPayloads.openAiError("server_error", "boom")));
		StepVerifier
			.create(this.responses.create(ResponseRequest.of("m", "Hi"), CallOptions.defaults().withMaxAttempts(1)))
			.expectError(LiaobotsServerException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void rawCreateFillsModelAndDropsStream() {
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(StubResponsesPayloads.response("m", "raw answer", 1, 2)));
		var request = LiaobotsJson.mapper().createObjectNode().put("input", "Hi").put("stream", true);
		JsonNode response = this.responses.createRaw(request).block(WAIT);
		assertThat(response.path("output").get(0).path("content").get(0).path("text").asString())
			.isEqualTo("raw answer");
		JsonNode sent = this.gateway.requests(StubRoute.RESPONSES).get(0).json();
		assertThat(sent.path("model").asString()).isEqualTo("m");
		assertThat(sent.has("stream")).isFalse();
		assertThat(request.has("model")).as("caller's tree unchanged").isFalse();
	}

}
