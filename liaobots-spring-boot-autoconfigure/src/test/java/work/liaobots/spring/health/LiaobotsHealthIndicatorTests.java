package work.liaobots.spring.health;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class LiaobotsHealthIndicatorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void upReportsBalanceTotalAndDomains() {
		this.gateway.credits(12.5, 100);
		Health health = indicator(Duration.ofSeconds(30), Duration.ofSeconds(2)).health().block(WAIT);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((BigDecimal) health.getDetails().get("balance")).isEqualByComparingTo("12.5");
		assertThat((BigDecimal) health.getDetails().get("total")).isEqualByComparingTo("100");
		assertThat(health.getDetails()).containsEntry("activeDomain", this.gateway.baseUrl().toString());
		List<?> domains = (List<?>) health.getDetails().get("domains");
		assertThat(domains).hasSize(1);
		assertThat(((Map<?, ?>) domains.get(0)).get("state")).isEqualTo("UP");
	}

	@Test
	void downWhenAuthcodeIsRejected() {
		this.gateway.authcode("another");
		Health health = indicator(Duration.ofSeconds(30), Duration.ofSeconds(2)).health().block(WAIT);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason").toString()).contains("auth code rejected")
			.contains("liaobots.authcode");
		assertThat(health.getDetails().toString()).doesNotContain(StubGateway.DEFAULT_AUTHCODE);
	}

	@Test
	void downWhenGatewayIsUnreachable() throws IOException {
		URI closed = closedPort();
		GatewayTransport transport = TestTransports.create(TestTransports.settings(List.of(closed)));
		LiaobotsHealthIndicator indicator = new LiaobotsHealthIndicator(new CreditsService(transport, 50, "nextId"),
				transport.router(), Duration.ofSeconds(30), Duration.ofSeconds(3));
		Health health = indicator.health().block(WAIT);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("reason").toString()).contains("connection refused");
	}

	@Test
	void resultIsReusedWithinTtl() {
		LiaobotsHealthIndicator indicator = indicator(Duration.ofSeconds(30), Duration.ofSeconds(2));
		indicator.health().block(WAIT);
		indicator.health().block(WAIT);
		indicator.health().block(WAIT);
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(1);
	}

	@Test
	void resultIsRefreshedAfterTtl() throws InterruptedException {
		LiaobotsHealthIndicator indicator = indicator(Duration.ofMillis(100), Duration.ofSeconds(2));
		indicator.health().block(WAIT);
		Thread.sleep(250);
		indicator.health().block(WAIT);
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(2);
	}

	@Test
	void concurrentChecksShareOneCall() {
		this.gateway.respond(StubRoute.CREDITS,
				(request) -> StubResponse.json("{\"data\":{\"balance\":1,\"amount\":2}}")
					.headerDelay(Duration.ofMillis(500)));
		LiaobotsHealthIndicator indicator = indicator(Duration.ofSeconds(30), Duration.ofSeconds(2));
		List<Health> results = Flux.range(0, 20).flatMap((i) -> indicator.health()).collectList().block(WAIT);
		assertThat(results).hasSize(20).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(1);
	}

	@Test
	void slowGatewayReportsDownWithinTimeout() {
		this.gateway.respond(StubRoute.CREDITS, (request) -> StubResponse.noResponse());
		LiaobotsHealthIndicator indicator = indicator(Duration.ofSeconds(30), Duration.ofMillis(500));
		long start = System.nanoTime();
		List<Health> results = Flux.range(0, 10).flatMap((i) -> indicator.health()).collectList().block(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(results).allSatisfy((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason").toString()).contains("did not finish within PT0.5S");
		});
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(1);
	}

	@Test
	void balanceBelowThresholdIsLowBalance() {
		this.gateway.credits(3, 100);
		Health health = indicator(new LiaobotsHealthIndicator.Thresholds(new BigDecimal("5"), null)).health()
			.block(WAIT);
		assertThat(health.getStatus()).isEqualTo(LiaobotsHealthIndicator.LOW_BALANCE);
		assertThat((BigDecimal) health.getDetails().get("balance")).isEqualByComparingTo("3");
	}

	@Test
	void zeroBalanceIsOutOfCreditsNotDown() {
		this.gateway.credits(0, 100);
		Health health = indicator(new LiaobotsHealthIndicator.Thresholds(new BigDecimal("5"), null)).health()
			.block(WAIT);
		assertThat(health.getStatus()).isEqualTo(LiaobotsHealthIndicator.OUT_OF_CREDITS);
		assertThat(health.getDetails()).doesNotContainKey("reason");
	}

	@Test
	void minimumBalanceBlockIsReported() {
		this.gateway.credits(0.5, 100);
		Health health = indicator(new LiaobotsHealthIndicator.Thresholds(null, BigDecimal.ONE)).health().block(WAIT);
		assertThat(health.getDetails()).containsEntry("callsBlocked", true);
		assertThat(health.getDetails().get("reason").toString()).contains("below 'liaobots.credits.min-balance' (1)");
	}

	@Test
	void healthyBalanceReportsCallsNotBlocked() {
		Health health = indicator(new LiaobotsHealthIndicator.Thresholds(new BigDecimal("5"), BigDecimal.ONE)).health()
			.block(WAIT);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("callsBlocked", false);
	}

	private LiaobotsHealthIndicator indicator(LiaobotsHealthIndicator.Thresholds thresholds) {
		GatewayTransport transport = TestTransports.create(this.gateway);
		return new LiaobotsHealthIndicator(new CreditsService(transport, 50, "nextId"), transport.router(),
				Duration.ofSeconds(30), Duration.ofSeconds(2), thresholds);
	}

	private LiaobotsHealthIndicator indicator(Duration ttl, Duration timeout) {
		GatewayTransport transport = TestTransports.create(this.gateway);
		return new LiaobotsHealthIndicator(new CreditsService(transport, 50, "nextId"), transport.router(), ttl,
				timeout);
	}

	static URI closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

}
