package work.liaobots.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import work.liaobots.spring.test.AutoConfigureLiaobotsStubGateway;
import work.liaobots.spring.test.StubGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample as if it talked to the real gateway, with a stub in its place that
 * rejects the auth code, to check what the page gets when calls fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.gateway.mode=real", "liaobots.retry.max-attempts=1" })
@AutoConfigureLiaobotsStubGateway
@AutoConfigureWebTestClient
class SampleGatewayErrorTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private StubGateway gateway;

	@BeforeEach
	void rejectAuthcode() {
		this.gateway.reset();
		this.gateway.authcode("another-authcode");
	}

	@AfterEach
	void acceptAuthcode() {
		this.gateway.reset();
	}

	@Test
	void rejectedImageCallIsBadGateway() {
		this.client.post()
			.uri("/api/images")
			.bodyValue(Map.of("prompt", "A lighthouse", "aspectRatio", "1:1", "imageSize", "1K"))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("LiaobotsAuthenticationException")
			.jsonPath("$.message")
			.value((message) -> assertThat(message.toString()).contains("401")
				.doesNotContain(StubGateway.DEFAULT_AUTHCODE));
	}

	@Test
	void rejectedStreamEndsWithErrorEvent() {
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/stream/messages?prompt=Hello")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).hasSize(1);
		assertThat(events.get(0).event()).isEqualTo("error");
		assertThat(events.get(0).data()).containsEntry("type", "LiaobotsAuthenticationException");
	}

	@Test
	void demoStateNamesTheRealGateway() {
		this.client.get()
			.uri("/api/demo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.gateway")
			.isEqualTo("liaobots")
			.jsonPath("$.primaryDown")
			.doesNotExist();
		this.client.post().uri("/api/demo/primary?down=true").exchange().expectStatus().isNotFound();
	}

}
