package work.liaobots.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Checks that Kubernetes probes do not depend on the gateway: an unreachable or empty
 * gateway must not restart or unload the application unless its owner wires that up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.gateway.mode=embedded", "management.endpoint.health.probes.enabled=true" })
@AutoConfigureWebTestClient
class ProbeGroupTests {

	@Autowired
	private WebTestClient client;

	@Test
	void readinessAndLivenessLeaveTheGatewayOut() {
		for (String group : new String[] { "readiness", "liveness" }) {
			this.client.get()
				.uri("/actuator/health/" + group)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components.liaobots")
				.doesNotExist();
		}
		this.client.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components.liaobots").exists();
	}

}
