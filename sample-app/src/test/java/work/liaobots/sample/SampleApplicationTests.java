package work.liaobots.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.gateway.mode=embedded", "liaobots.health.ttl=1s" })
@AutoConfigureWebTestClient
class SampleApplicationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void chatStreamArrivesAsSeveralDeltasThenDone() {
		var events = this.client.get()
			.uri("/api/stream/chat?prompt=Hello")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody();
		List<ServerSentEvent<Map<String, Object>>> received = events.collectList().block(Duration.ofSeconds(30));
		List<ServerSentEvent<Map<String, Object>>> deltas = received.stream()
			.filter((event) -> "delta".equals(event.event()))
			.toList();
		assertThat(deltas).hasSizeGreaterThan(10);
		String text = deltas.stream().map((event) -> (String) event.data().get("text")).reduce("", String::concat);
		assertThat(text).startsWith("Hello from the Liaobots stub gateway").contains("你好");
		ServerSentEvent<Map<String, Object>> done = received.get(received.size() - 1);
		assertThat(done.event()).isEqualTo("done");
		assertThat(done.data()).containsEntry("stopReason", "stop").containsKey("totalTokens");
	}

	@ParameterizedTest
	@ValueSource(strings = { "chat", "responses", "messages", "gemini" })
	void everyFormatStreamsDeltasThenDone(String format) {
		List<ServerSentEvent<Map<String, Object>>> received = this.client.get()
			.uri("/api/stream/" + format + "?prompt=Hello")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		String text = received.stream()
			.filter((event) -> "delta".equals(event.event()))
			.map((event) -> (String) event.data().get("text"))
			.reduce("", String::concat);
		assertThat(text).startsWith("Hello from the Liaobots stub gateway");
		ServerSentEvent<Map<String, Object>> done = received.get(received.size() - 1);
		assertThat(done.event()).isEqualTo("done");
		assertThat(done.data()).containsKeys("stopReason", "inputTokens", "outputTokens");
	}

	@ParameterizedTest
	@ValueSource(strings = { "chat", "responses", "messages", "gemini" })
	void everyFormatAnswersWhole(String format) {
		this.client.get()
			.uri("/api/complete/" + format + "?prompt=Hello")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.text")
			.value((text) -> assertThat(text.toString()).startsWith("Hello from the Liaobots stub gateway"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "chat", "responses", "messages", "gemini" })
	void weatherPromptStreamsToolCall(String format) {
		List<ServerSentEvent<Map<String, Object>>> received = events(
				"/api/stream/" + format + "?prompt=What is the weather in Paris?");
		List<ServerSentEvent<Map<String, Object>>> tools = received.stream()
			.filter((event) -> "tool".equals(event.event()))
			.toList();
		assertThat(tools).hasSize(1);
		assertThat(tools.get(0).data()).containsEntry("name", "get_weather");
		assertThat((String) tools.get(0).data().get("arguments")).contains("\"city\"", "\"unit\"");
		assertThat(received.get(received.size() - 1).event()).isEqualTo("done");
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "gemini" })
	void thinkingStreamsBeforeTheReply(String format) {
		List<String> names = events("/api/stream/" + format + "?prompt=Hello&thinking=true").stream()
			.map(ServerSentEvent::event)
			.toList();
		assertThat(names).contains("thinking", "delta");
		assertThat(names.lastIndexOf("thinking")).isLessThan(names.indexOf("delta"));
	}

	@Test
	void promptWithoutWeatherOffersNoTool() {
		assertThat(events("/api/stream/chat?prompt=Hello")).noneMatch((event) -> "tool".equals(event.event()));
	}

	@Test
	void demoStateNamesTheEmbeddedStub() {
		this.client.get()
			.uri("/api/demo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.gateway")
			.isEqualTo("embedded-stub")
			.jsonPath("$.primaryDown")
			.isEqualTo(false);
	}

	@Test
	void pageIsServedAtRoot() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("src=\"js/app.js\"", "id=\"chat-form\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "app", "page", "i18n", "chat", "image", "credits", "status" })
	void pageScriptsAreServedAsJavaScript(String module) {
		this.client.get()
			.uri("/js/" + module + ".js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "javascript"));
	}

	@Test
	void imageIsGeneratedAsPng() {
		this.client.post()
			.uri("/api/images")
			.bodyValue(Map.of("prompt", "A lighthouse at dusk", "aspectRatio", "16:9", "imageSize", "1K"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.images[0].mimeType")
			.isEqualTo("image/png")
			.jsonPath("$.images[0].dataUrl")
			.value((url) -> assertThat(url.toString()).startsWith("data:image/png;base64,iVBORw0KGgo"));
	}

	@Test
	void unknownFormatIsNotFound() {
		this.client.get().uri("/api/stream/nope?prompt=Hi").exchange().expectStatus().isNotFound();
	}

	@Test
	void chatStreamDeltasArriveSpreadOverTime() {
		var events = this.client.get()
			.uri("/api/stream/chat?prompt=Hello")
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody();
		StepVerifier.create(events.elapsed().take(5).map((timed) -> timed.getT1()).collectList())
			.assertNext((gaps) -> assertThat(gaps.subList(1, gaps.size()))
				.anySatisfy((gap) -> assertThat(gap).isPositive()))
			.verifyComplete();
	}

	@Test
	void creditsReportBalanceAndUsagePages() {
		this.client.get()
			.uri("/api/credits")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.balance")
			.isEqualTo(85.5)
			.jsonPath("$.total")
			.isEqualTo(100.0);
		this.client.get()
			.uri("/api/credits/usage?pageSize=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.list.length()")
			.isEqualTo(5)
			.jsonPath("$.nextId")
			.isNotEmpty();
	}

	private List<ServerSentEvent<Map<String, Object>>> events(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	@Test
	void healthShowsLiaobotsComponent() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.liaobots.status")
			.isEqualTo("UP")
			.jsonPath("$.components.liaobots.details.balance")
			.isEqualTo(85.5)
			.jsonPath("$.components.liaobots.details.activeDomain")
			.value((domain) -> assertThat(domain.toString()).startsWith("http://127.0.0.1:"));
	}

}
