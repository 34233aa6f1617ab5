package work.liaobots.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsesCannedRepliesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final StubGateway gateway = StubGateway.start();

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void nonStreamingReplyIsWholeResponse() {
		StubResponse reply = ResponsesCannedReplies.reply(request("{\"model\":\"gpt-5\",\"input\":\"Hi\"}"),
				"Hello there", Duration.ZERO);
		JsonNode response = MAPPER.readTree(reply.bodyBytes());
		assertThat(reply.headers()).containsEntry("content-type", "application/json");
		assertThat(response.path("object").asString()).isEqualTo("response");
		assertThat(response.path("status").asString()).isEqualTo("completed");
		assertThat(response.path("model").asString()).isEqualTo("gpt-5");
		JsonNode part = response.path("output").get(0).path("content").get(0);
		assertThat(part.path("type").asString()).isEqualTo("output_text");
		assertThat(part.path("text").asString()).isEqualTo("Hello there");
		assertThat(response.path("usage").path("output_tokens").asInt()).isEqualTo(2);
		assertThat(response.path("usage").path("total_tokens").asInt())
			.isEqualTo(response.path("usage").path("input_tokens").asInt() + 2);
	}

	@Test
	void streamedReplyFollowsOpenAiEventOrder() {
		List<JsonNode> events = events(streamedReply("Hello there"));
		assertThat(events).extracting((event) -> event.path("type").asString())
			.containsExactly("response.created", "response.in_progress", "response.output_item.added",
					"response.content_part.added", "response.output_text.delta", "response.output_text.delta",
					"response.output_text.done", "response.content_part.done", "response.output_item.done",
					"response.completed");
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
		}
		assertThat(events.get(0).path("response").path("usage").isNull()).isTrue();
	}

	@Test
	void streamedDeltasJoinToReplyText() {
		StringBuilder text = new StringBuilder();
		for (JsonNode event : events(streamedReply("Grüße 你好世界 🙂"))) {
			if (event.path("type").asString().equals("response.output_text.delta")) {
				text.append(event.path("delta").asString());
			}
		}
		assertThat(text).hasToString("Grüße 你好世界 🙂");
	}

	@Test
	void completedEventCarriesNonStreamingResponse() {
		String body = "{\"model\":\"m\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"Hi\"}]";
		JsonNode whole = MAPPER
			.readTree(ResponsesCannedReplies.reply(request(body + "}"), "Hello there", Duration.ZERO).bodyBytes());
		List<JsonNode> events = events(
				ResponsesCannedReplies.reply(request(body + ",\"stream\":true}"), "Hello there", Duration.ZERO));
		assertThat(events.get(events.size() - 1).path("response")).isEqualTo(whole);
	}

	@Test
	void eventLinesNameEachEventType() {
		String body = new String(streamedReply("Hi").bodyBytes(), StandardCharsets.UTF_8);
		for (String block : body.split("\n\n")) {
			String[] lines = block.split("\n");
			assertThat(lines).hasSize(2);
			String name = lines[0].substring("event: ".length());
			assertThat(MAPPER.readTree(lines[1].substring("data: ".length())).path("type").asString()).isEqualTo(name);
		}
	}

	@Test
	void functionCallStreamJoinsToArguments() {
		List<String> pieces = List.of("{\"city\":", "\"Paris\"}");
		List<JsonNode> events = events(StubResponsesPayloads.functionCallStream("m", "call_1", "get_weather", pieces));
		JsonNode added = events.get(2).path("item");
		assertThat(added.path("type").asString()).isEqualTo("function_call");
		assertThat(added.path("call_id").asString()).isEqualTo("call_1");
		assertThat(added.path("name").asString()).isEqualTo("get_weather");
		JsonNode completed = events.get(events.size() - 1).path("response");
		assertThat(completed).isEqualTo(MAPPER.readTree(StubResponsesPayloads.functionCallResponse("m", "call_1",
				"get_weather", "{\"city\":\"Paris\"}", 20, 2)));
	}

	@Test
	void gatewayAnswersResponsesRouteWithCannedReply() {
		this.gateway.respond(StubRoute.RESPONSES,
				(request) -> ResponsesCannedReplies.reply(request, "Hello there", Duration.ZERO));
		String body = HttpClient.create()
			.baseUrl(this.gateway.baseUrl().toString())
			.headers((headers) -> headers.set("authorization", "Bearer " + StubGateway.DEFAULT_AUTHCODE))
			.post()
			.uri("/v1/responses")
			.send(ByteBufFlux.fromString(Mono.just("{\"model\":\"m\",\"input\":\"Hi\",\"stream\":true}")))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8))
			.block(WAIT);
		assertThat(body).startsWith("event: response.created\ndata: {")
			.endsWith("\n\n")
			.contains("event: response.completed\n");
	}

	private static StubResponse streamedReply(String text) {
		return ResponsesCannedReplies.reply(request("{\"model\":\"m\",\"input\":\"Hi\",\"stream\":true}"), text,
				Duration.ZERO);
	}

	private static List<JsonNode> events(StubResponse response) {
		assertThat(response.headers()).containsEntry("content-type", "text/event-stream");
		List<JsonNode> events = new ArrayList<>();
		for (String line : new String(response.bodyBytes(), StandardCharsets.UTF_8).split("\n")) {
			if (line.startsWith("data: ")) {
				events.add(MAPPER.readTree(line.substring("data: ".length())));
			}
		}
		return events;
	}

	private static RecordedRequest request(String json) {
		return new RecordedRequest(StubRoute.RESPONSES, "POST", "/v1/responses", "", Map.of(),
				json.getBytes(StandardCharsets.UTF_8), Instant.now());
	}

}
