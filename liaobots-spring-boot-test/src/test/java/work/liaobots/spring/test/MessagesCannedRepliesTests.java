package work.liaobots.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesCannedRepliesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String REQUEST = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":64,"
			+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

	private final StubGateway gateway = StubGateway.start();

	private final HttpClient client = HttpClient.create()
		.baseUrl(this.gateway.baseUrl().toString())
		.headers((headers) -> headers.set("x-api-key", StubGateway.DEFAULT_AUTHCODE));

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void streamedReplyLooksLikeAnthropicStream() {
		respondCanned("Hello world 你好");
		String body = post(REQUEST + ",\"stream\":true}", true).body();
		List<String> names = new ArrayList<>();
		for (String event : body.split("\n\n")) {
			String[] lines = event.split("\n");
			assertThat(lines).hasSize(2);
			String name = lines[0].substring("event: ".length());
			JsonNode data = StubPayloads.MAPPER.readTree(lines[1].substring("data: ".length()));
			assertThat(data.path("type").asString()).as("data type of %s", name).isEqualTo(name);
			names.add(name);
		}
		assertThat(names).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
				"content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
		assertThat(body).contains("\"text\":\"Hello \"", "\"text\":\"你好\"")
			.contains("\"stop_reason\":\"end_turn\"")
			.contains("\"usage\":{\"output_tokens\":3}");
	}

	@Test
	void wholeReplyMatchesTheStreamedContent() {
		respondCanned("Hello world 你好");
		Response response = post(REQUEST + "}", true);
		assertThat(response.status()).isEqualTo(200);
		JsonNode message = StubPayloads.MAPPER.readTree(response.body());
		assertThat(message.path("id").asString()).isEqualTo(StubMessagesPayloads.MESSAGE_ID);
		assertThat(message.path("model").asString()).isEqualTo("claude-haiku-4-5");
		assertThat(message.path("content").get(0).path("text").asString()).isEqualTo("Hello world 你好");
		assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(3);
	}

	@Test
	void missingMaxTokensGetsAnthropicError() {
		respondCanned("unused");
		Response response = post("{\"model\":\"m\",\"messages\":[]}", true);
		assertThat(response.status()).isEqualTo(400);
		JsonNode error = StubPayloads.MAPPER.readTree(response.body());
		assertThat(error.path("type").asString()).isEqualTo("error");
		assertThat(error.path("error").path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("error").path("message").asString()).isEqualTo("max_tokens: Field required");
		assertThat(error.path("request_id").asString()).startsWith("req_");
	}

	@Test
	void missingVersionHeaderGetsAnthropicError() {
		respondCanned("unused");
		Response response = post(REQUEST + "}", false);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("anthropic-version: header is required");
	}

	@Test
	void toolUseStreamStartsInputWithEmptyPiece() {
		StubResponse stream = MessagesCannedReplies.toolUseStream("m", "Let me check.", "toolu_1", "get_weather",
				List.of("{\"city\":", "\"Paris\"}"), 10, 20);
		String body = new String(stream.bodyBytes(), StandardCharsets.UTF_8);
		assertThat(body)
			.contains("\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
					+ "\"input\":{}}")
			.contains("{\"type\":\"input_json_delta\",\"partial_json\":\"\"}")
			.contains("\"stop_reason\":\"tool_use\"")
			.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
	}

	@Test
	void thinkingStreamSendsSignatureAfterThinking() {
		StubResponse stream = MessagesCannedReplies.thinkingStream("m", List.of("Hm", "m."), "sig", "Hi", 10, 20);
		String body = new String(stream.bodyBytes(), StandardCharsets.UTF_8);
		int lastThinking = body.lastIndexOf("thinking_delta");
		int signature = body.indexOf("signature_delta");
		assertThat(body).contains("\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}");
		assertThat(signature).isGreaterThan(lastThinking);
		assertThat(body.indexOf("\"index\":1")).isGreaterThan(signature);
	}

	private void respondCanned(String text) {
		this.gateway.respond(StubRoute.MESSAGES,
				(request) -> MessagesCannedReplies.reply(request, text, Duration.ZERO));
	}

	private Response post(String body, boolean withVersion) {
		return this.client.headers((headers) -> {
			if (withVersion) {
				headers.set("anthropic-version", "2023-06-01");
			}
		})
			.post()
			.uri("/v1/messages")
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), text)))
			.block(WAIT);
	}

	record Response(int status, String body) {

	}

}
