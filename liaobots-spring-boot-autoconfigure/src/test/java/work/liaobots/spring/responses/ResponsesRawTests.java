package work.liaobots.spring.responses;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.ResponsesCannedReplies;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubResponsesPayloads;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsesRawTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final ResponsesService responses = new ResponsesService(TestTransports.create(this.gateway), "m");

	@BeforeEach
	void answerWithCannedReplies() {
		this.gateway.respond(StubRoute.RESPONSES,
				(request) -> ResponsesCannedReplies.reply(request, "Hello raw world", Duration.ZERO));
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void rawStreamSetsStreamAndEndsAtCompleted() {
		List<JsonNode> events = this.responses.streamRaw(request()).collectList().block(WAIT);
		JsonNode sent = this.gateway.requests(StubRoute.RESPONSES).get(0).json();
		assertThat(sent.path("stream").asBoolean()).isTrue();
		assertThat(sent.path("model").asString()).isEqualTo("m");
		assertThat(events.get(0).path("type").asString()).isEqualTo("response.created");
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.path("type").asString()).isEqualTo("response.completed");
		assertThat(last.path("response").path("output").get(0).path("content").get(0).path("text").asString())
			.isEqualTo("Hello raw world");
	}

	@Test
	void rawStreamEndsWhileSocketStaysOpen() throws InterruptedException {
		String body = StubResponsesPayloads.body(helloEvents()) + "data: [DONE]\n\n";
		this.gateway.enqueue(StubRoute.RESPONSES, sse(body).keepOpen());
		List<JsonNode> events = this.responses.streamRaw(request()).collectList().block(WAIT);
		assertThat(events).hasSize(helloEvents().size());
		assertThat(this.gateway.exchanges().get(0).awaitClose(5000)).isTrue();
	}

	@Test
	void rawStreamUsesEventNameWhenTypeIsMissing() {
		String body = StubResponsesPayloads.body(helloEvents()).replaceAll("\"type\":\"response\\.[a-z_.]+\",", "");
		this.gateway.enqueue(StubRoute.RESPONSES, sse(body).keepOpen());
		List<JsonNode> events = this.responses.streamRaw(request()).collectList().block(WAIT);
		assertThat(events).hasSize(helloEvents().size());
	}

	@Test
	void rawErrorEventFailsWithItsCode() {
		List<String> events = List.of(StubResponsesPayloads.created("m"),
				StubResponsesPayloads.error("server_error", "Upstream failed"));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		StepVerifier.create(this.responses.streamRaw(request())).expectNextCount(1).expectErrorSatisfies((error) -> {
			LiaobotsStreamException stream = (LiaobotsStreamException) error;
			assertThat(stream.errorType()).isEqualTo("server_error");
			assertThat(stream.providerMessage()).isEqualTo("Upstream failed");
			assertThat(stream.isRetryable()).isTrue();
		}).verify(WAIT);
	}

	@Test
	void rawFailedResponseFailsWithItsError() {
		List<String> events = List.of(StubResponsesPayloads.created("m"),
				StubResponsesPayloads.failed("m", "invalid_prompt", "Flagged"));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)));
		StepVerifier.create(this.responses.streamRaw(request())).expectNextCount(1).expectErrorSatisfies((error) -> {
			LiaobotsStreamException stream = (LiaobotsStreamException) error;
			assertThat(stream.errorType()).isEqualTo("invalid_prompt");
			assertThat(stream.providerMessage()).isEqualTo("Flagged");
			assertThat(stream.isRetryable()).isFalse();
		}).verify(WAIT);
	}

	@Test
	void rawStreamCutBeforeTerminalIsIncomplete() {
		List<String> events = new ArrayList<>(helloEvents().subList(0, 5));
		this.gateway.enqueue(StubRoute.RESPONSES, sse(StubResponsesPayloads.body(events)).closeAfter(-1));
		StepVerifier.create(this.responses.streamRaw(request()))
			.expectNextCount(5)
			.expectError(LiaobotsIncompleteStreamException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	private static ObjectNode request() {
		return LiaobotsJson.mapper().createObjectNode().put("input", "Hi");
	}

	private static List<String> helloEvents() {
		return StubResponsesPayloads.textStreamEvents("m", List.of("Hello", " world"), 3);
	}

	private static StubResponse sse(String body) {
		return StubResponse.body(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
	}

}
