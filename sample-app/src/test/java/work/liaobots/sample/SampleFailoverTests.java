package work.liaobots.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.gateway.mode=embedded", "liaobots.health.ttl=0s" })
@AutoConfigureWebTestClient
class SampleFailoverTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private EmbeddedGateways gateways;

	@AfterEach
	void bringPrimaryBack() {
		this.gateways.primaryDown(false);
	}

	@Test
	void keepsAnsweringWhilePrimaryIsDown() {
		this.client.post().uri("/api/demo/primary?down=true").exchange().expectStatus().isOk();
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/stream/chat?prompt=Hello")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).last().extracting(ServerSentEvent::event).isEqualTo("done");
		assertThat(this.gateways.backup().requests()).isNotEmpty();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.components.liaobots.status")
			.isEqualTo("UP")
			.jsonPath("$.components.liaobots.details.activeDomain")
			.isEqualTo(this.gateways.backup().baseUrl().toString());
	}

}
