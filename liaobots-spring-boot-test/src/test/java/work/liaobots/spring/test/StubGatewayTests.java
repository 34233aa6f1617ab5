package work.liaobots.spring.test;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class StubGatewayTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final HttpClient client = HttpClient.create()
		.baseUrl(this.gateway.baseUrl().toString())
		.headers((headers) -> headers.set("authorization", "Bearer " + StubGateway.DEFAULT_AUTHCODE));

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(this.gateway.baseUrl().getHost()).isEqualTo("127.0.0.1");
		assertThat(this.gateway.port()).isPositive();
	}

	@Test
	void recordsMethodPathQueryHeadersAndBody() {
		post("/prefix/v1/chat/completions?x=1", "{\"model\":\"m\",\"messages\":[]}");
		RecordedRequest request = this.gateway.requests().get(0);
		assertThat(request.route()).isEqualTo(StubRoute.CHAT_COMPLETIONS);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/prefix/v1/chat/completions");
		assertThat(request.queryParameter("x")).isEqualTo("1");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + StubGateway.DEFAULT_AUTHCODE);
		assertThat(request.json().path("model").asString()).isEqualTo("m");
	}

	@Test
	void chunkSizeCutsBodyIntoThatManyWrites() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.body(200, "text/event-stream", "data: x\n\n")
					.chunkSize(1)
					.chunkPause(Duration.ofMillis(2)));
		List<String> chunks = this.client.post()
			.uri("/v1/chat/completions")
			.send(ByteBufFlux.fromString(Mono.just("{}")))
			.response((response, body) -> body.asString(StandardCharsets.UTF_8))
			.collectList()
			.block(WAIT);
		assertThat(String.join("", chunks)).isEqualTo("data: x\n\n");
		assertThat(chunks.size()).isGreaterThan(1);
	}

	@Test
	void queuedResponsesComeFirstThenCannedReplies() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(418, "{}"));
		assertThat(postStatus("/v1/chat/completions", "{\"model\":\"m\"}")).isEqualTo(418);
		assertThat(postStatus("/v1/chat/completions", "{\"model\":\"m\"}")).isEqualTo(200);
	}

	@Test
	void wrongAuthcodeGets401() {
		this.gateway.authcode("other");
		assertThat(postStatus("/v1/chat/completions", "{\"model\":\"m\"}")).isEqualTo(401);
	}

	@Test
	void resetAfterBytesCutsTheResponse() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.body(200, "text/event-stream", "data: 0123456789\n\n").chunkSize(4).resetAfter(8));
		assertThatException().isThrownBy(() -> post("/v1/chat/completions", "{}"))
			.satisfies((error) -> assertThat(rootCause(error)).isInstanceOf(java.io.IOException.class)
				.hasMessageContaining("reset"));
		assertThat(this.gateway.exchanges().get(0).bytesSent()).isEqualTo(8);
	}

	@Test
	void keepOpenLeavesTheConnectionOpenUntilTheClientCloses() throws InterruptedException {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.body(200, "text/event-stream", "data: x\n\n").keepOpen());
		String first = this.client.post()
			.uri("/v1/chat/completions")
			.send(ByteBufFlux.fromString(Mono.just("{}")))
			.response((response, body) -> body.asString(StandardCharsets.UTF_8))
			.blockFirst(WAIT);
		assertThat(first).isEqualTo("data: x\n\n");
		assertThat(this.gateway.exchanges().get(0).awaitClose(5000)).isTrue();
	}

	@Test
	void refusedConnectionsUntilAcceptedAgain() {
		this.gateway.refuseConnections();
		assertThatException().isThrownBy(() -> post("/v1/chat/completions", "{}"))
			.satisfies((error) -> assertThat(rootCause(error)).isInstanceOf(ConnectException.class));
		this.gateway.acceptConnections();
		assertThat(postStatus("/v1/chat/completions", "{\"model\":\"m\"}")).isEqualTo(200);
	}

	@Test
	void refuseClosesReusedKeepAliveConnections() {
		ConnectionProvider pool = ConnectionProvider.builder("reused").maxConnections(4).build();
		HttpClient pooled = HttpClient.create(pool)
			.baseUrl(this.gateway.baseUrl().toString())
			.headers((headers) -> headers.set("authorization", "Bearer " + StubGateway.DEFAULT_AUTHCODE));
		try {
			// Two rounds, so each pooled connection carries a second request before it
			// goes idle.
			assertThat(getAll(pooled, 4)).hasSize(4);
			assertThat(getAll(pooled, 4)).hasSize(4);
			this.gateway.refuseConnections();

			for (int i = 0; i < 3; i++) {
				assertThatException().as("request %d after refuseConnections", i)
					.isThrownBy(() -> pooled.get().uri("/api/v1/credits").responseSingle(this::text).block(WAIT));
			}
			assertThat(this.gateway.requestCount()).as("requests answered").isEqualTo(8);
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void creditsPagesFollowTheCursor() {
		String first = get("/api/v1/credits?include_usage=true&pageSize=50");
		assertThat(first).contains("\"nextId\":\"8999950\"");
		String last = get("/api/v1/credits?include_usage=true&pageSize=50&nextId=8999900");
		assertThat(last).contains("\"nextId\":\"\"");
	}

	@Test
	void cannedChatStreamEndsWithUsageAndDone() {
		String body = post("/v1/chat/completions",
				"{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(body).contains("\"usage\":{\"prompt_tokens\"").endsWith("data: [DONE]\n\n");
	}

	@Test
	void cannedStreamSplitsWordsAndChineseText() {
		assertThat(CannedReplies.tokens("Hello world 你好世界。")).containsExactly("Hello ", "world ", "你好", "世界。");
	}

	@Test
	void resetForgetsRequestsAndScripts() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(500, "{}")).authcode("other");
		post("/api/v1/credits", "");
		this.gateway.reset();
		assertThat(this.gateway.requests()).isEmpty();
		assertThat(postStatus("/v1/chat/completions", "{\"model\":\"m\"}")).isEqualTo(200);
	}

	private String post(String uri, String body) {
		return this.client.post()
			.uri(uri)
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8))
			.block(WAIT);
	}

	private List<String> getAll(HttpClient pooled, int count) {
		return Flux.range(0, count)
			.flatMap((i) -> pooled.get().uri("/api/v1/credits").responseSingle(this::text))
			.collectList()
			.block(WAIT);
	}

	private Mono<String> text(HttpClientResponse response, ByteBufMono body) {
		return body.asString(StandardCharsets.UTF_8);
	}

	private String get(String uri) {
		return this.client.get().uri(uri).responseSingle((response, content) -> content.asString()).block(WAIT);
	}

	private int postStatus(String uri, String body) {
		return this.client.post()
			.uri(uri)
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> response.status().code()))
			.block(WAIT);
	}

	private static Throwable rootCause(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
