package work.liaobots.spring.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.error.LiaobotsInsufficientCreditsException;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.GatewayObserver;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.LiaobotsConnector;
import work.liaobots.spring.transport.TestTransports;
import work.liaobots.spring.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MinimumBalanceGuardTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final CreditBalanceTracker tracker = new CreditBalanceTracker();

	private final AtomicReference<CreditsService> credits = new AtomicReference<>();

	private final GatewayTransport transport = transport(Duration.ZERO);

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void lowBalanceFailsModelCallsWithoutSendingThem() {
		this.gateway.credits(0.5, 100);
		this.credits.get().balance().block(WAIT);
		StepVerifier.create(chat().create(ChatCompletionRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsInsufficientCreditsException.class)
				.hasMessageContaining("the last known balance 0.5")
				.hasMessageContaining("'liaobots.credits.min-balance' (1)"))
			.verify(WAIT);
		assertThat(this.gateway.requests(StubRoute.CHAT_COMPLETIONS)).isEmpty();
	}

	@Test
	void unknownBalanceLetsCallsThrough() {
		assertThat(chat().create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
	}

	@Test
	void topUpUnblocksCallsAfterRefresh() {
		this.gateway.credits(0.5, 100);
		this.credits.get().balance().block(WAIT);
		this.gateway.credits(50, 150);
		StepVerifier.create(chat().create(ChatCompletionRequest.of(null, "Hi")))
			.expectError(LiaobotsInsufficientCreditsException.class)
			.verify(WAIT);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.tracker.lastKnown().get().balance()).isEqualByComparingTo("50"));
		assertThat(chat().create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
	}

	private ChatCompletionsService chat() {
		return new ChatCompletionsService(this.transport, "m");
	}

	private GatewayTransport transport(Duration refreshInterval) {
		TransportSettings settings = TestTransports.settings(List.of(this.gateway.baseUrl()));
		LiaobotsConnector connector = new LiaobotsConnector(new LiaobotsConnector.PoolSettings(10, -1,
				Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10)), Duration.ofSeconds(2));
		MinimumBalanceGuard guard = new MinimumBalanceGuard(this.tracker, BigDecimal.ONE, this.credits::get,
				refreshInterval, Clock.systemUTC());
		GatewayTransport created = new GatewayTransport(
				WebClient.builder().clientConnector(connector.clientHttpConnector()).build(), settings,
				LiaobotsJson.create(1 << 24), GatewayObserver.NOOP, guard);
		this.credits.set(new CreditsService(created, 50, "nextId", this.tracker));
		return created;
	}

}
