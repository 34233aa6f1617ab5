package work.liaobots.spring.reactive;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.health.LiaobotsHealthIndicator;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs calls, streams, retries and health checks with BlockHound installed, so any
 * blocking call on a Netty event loop or a Reactor non-blocking thread fails the test.
 */
class NonBlockingBlockHoundTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static StubGateway gateway;

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install();
		gateway = StubGateway.start();
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@Test
	void blockHoundIsActive() {
		Mono<Void> blocking = Mono.fromRunnable(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).subscribeOn(Schedulers.parallel()).then();
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> blocking.block(WAIT))
			.satisfies((error) -> assertThat(error).hasCauseInstanceOf(BlockingOperationError.class));
	}

	@Test
	void callsStreamsAndRetriesDoNotBlock() {
		GatewayTransport transport = TestTransports.create(gateway);
		ChatCompletionsService chat = new ChatCompletionsService(transport, "m");
		gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(503, "{}"));
		List<? extends Object> results = Flux
			.merge(chat.create(ChatCompletionRequest.of(null, "Hi")), chat.stream(ChatCompletionRequest.of(null, "Hi")),
					new CreditsService(transport, 10, "nextId").usage().take(25))
			.collectList()
			.block(WAIT);
		assertThat(results).hasSizeGreaterThan(25);
	}

	@Test
	void concurrentHealthChecksDoNotBlock() {
		GatewayTransport transport = TestTransports.create(gateway);
		LiaobotsHealthIndicator indicator = new LiaobotsHealthIndicator(new CreditsService(transport, 10, "nextId"),
				transport.router(), Duration.ofMillis(50), Duration.ofSeconds(5));
		List<Health> results = Flux.range(0, 30)
			.flatMap((i) -> indicator.health().delaySubscription(Duration.ofMillis(i * 5L)))
			.collectList()
			.block(WAIT);
		assertThat(results).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
	}

}
