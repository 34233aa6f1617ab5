package work.liaobots.sample;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import work.liaobots.spring.test.StubGateway;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.gateway.mode=embedded", "management.endpoints.web.exposure.include=*",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"liaobots.proxy.password=proxy-secret-value" })
@AutoConfigureWebTestClient
class ActuatorTests {

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void makeCalls() {
		this.client.get().uri("/api/complete/chat?prompt=Hi").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/stream/messages?prompt=Hi")
			.exchange()
			.returnResult(String.class)
			.getResponseBody()
			.blockLast(Duration.ofSeconds(30));
		this.client.get().uri("/api/credits").exchange().expectStatus().isOk();
	}

	@Test
	void callMetricsAreExposed() {
		this.client.get()
			.uri("/actuator/metrics/gen_ai.client.operation")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.availableTags[?(@.tag == 'gen_ai.operation.name')].values[0]")
			.isEqualTo("chat");
		this.client.get()
			.uri("/actuator/metrics/gen_ai.client.token.usage?tag=gen_ai.token.type:output")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get().uri("/actuator/metrics/liaobots.client.time_to_first_event").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/metrics/liaobots.credits.balance")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(85.5);
	}

	@Test
	void secretsAreMaskedInEnvAndConfigprops() {
		String env = body("/actuator/env");
		String configprops = body("/actuator/configprops");
		assertThat(env).contains("liaobots.authcode").doesNotContain(StubGateway.DEFAULT_AUTHCODE);
		assertThat(configprops).contains("authcode")
			.doesNotContain(StubGateway.DEFAULT_AUTHCODE)
			.doesNotContain("proxy-secret-value");
		assertThat(env).doesNotContain("proxy-secret-value");
	}

	private String body(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.reduce(String::concat)
			.block(Duration.ofSeconds(10));
	}

}
