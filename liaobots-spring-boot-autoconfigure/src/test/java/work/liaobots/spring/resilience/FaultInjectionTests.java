package work.liaobots.spring.resilience;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import work.liaobots.spring.error.LiaobotsAllDomainsFailedException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.error.LiaobotsTimeoutException;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubExchange;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every failure rule against every format, with two stub gateways on 127.0.0.1
 * standing for the primary and a backup domain, and counts the requests each received.
 */
class FaultInjectionTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final StubGateway primary = StubGateway.start();

	private final StubGateway backup = StubGateway.start();

	private final GatewayTransport transport = TestTransports.create(this.primary, this.backup);

	static Stream<FormatFixture> formats() {
		return FormatFixtures.streaming().stream();
	}

	@AfterEach
	void stopGateways() {
		this.primary.close();
		this.backup.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void refusedPrimaryMovesStreamToBackup(FormatFixture format) {
		this.primary.refuseConnections();
		this.backup.enqueue(format.streamRoute(), format.completeStream(3));
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.expectNextCount(format.eventsSeen(3))
			.verifyComplete();
		assertThat(this.backup.requests(format.streamRoute())).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void refusedPrimaryMovesCallToBackup(FormatFixture format) {
		this.primary.refuseConnections();
		this.backup.enqueue(format.callRoute(), StubResponse.json(format.callBody()));
		assertThat(format.call(this.transport, CallOptions.defaults()).block(WAIT)).isNotNull();
		assertThat(this.backup.requests(format.callRoute())).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void proxyErrorMovesToBackupWithSameRequest(FormatFixture format) {
		this.primary.enqueue(format.streamRoute(),
				StubResponse.body(502, "text/html", "<html><title>502 Bad Gateway</title></html>"));
		this.backup.enqueue(format.streamRoute(), format.completeStream(2));
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.expectNextCount(format.eventsSeen(2))
			.verifyComplete();
		RecordedRequest first = this.primary.requests(format.streamRoute()).get(0);
		RecordedRequest second = this.backup.requests(format.streamRoute()).get(0);
		assertThat(second.path()).isEqualTo(first.path());
		assertThat(second.query()).isEqualTo(first.query());
		assertThat(second.body()).isEqualTo(first.body());
		for (String header : List.of("authorization", "x-api-key", "x-goog-api-key", "anthropic-version",
				"content-type", "accept")) {
			assertThat(second.header(header)).as(header).isEqualTo(first.header(header));
		}
		assertThat(this.primary.requestCount()).isEqualTo(1);
		assertThat(this.backup.requestCount()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void streamIsNeverMovedAfterFirstEvent(FormatFixture format) {
		StubResponse cut = format.textEvents(StubResponse.sse(), 2).build().chunkSize(1 << 20).resetAfter(-1);
		this.primary.enqueue(format.streamRoute(), cut);
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.thenConsumeWhile((event) -> true)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class);
				assertThat(format.partialText((LiaobotsException) error)).contains("t0t1");
			})
			.verify(WAIT);
		assertThat(this.primary.requestCount()).isEqualTo(1);
		assertThat(this.backup.requestCount()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void terminalSignalEndsStreamOnOpenSocket(FormatFixture format) throws InterruptedException {
		this.primary.enqueue(format.streamRoute(), format.completeStream(2).keepOpen());
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.expectNextCount(format.eventsSeen(2))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StubExchange exchange = this.primary.exchanges().get(0);
		assertThat(exchange.awaitClose(5000)).as("connection closed by the client").isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void bodyEndingBeforeTerminalIsIncomplete(FormatFixture format) {
		this.primary.enqueue(format.streamRoute(), format.textEvents(StubResponse.sse(), 3).build());
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.thenConsumeWhile((event) -> true)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsIncompleteStreamException.class)
					.hasMessageContaining("without its terminal event");
				assertThat(format.partialText((LiaobotsException) error)).contains("t0t1t2");
			})
			.verify(WAIT);
		assertThat(this.primary.requestCount()).isEqualTo(1);
		assertThat(this.backup.requestCount()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void errorEventAfterOutputIsTypedAndNotReplayed(FormatFixture format) {
		StubResponse response = format
			.errorEvent(format.textEvents(StubResponse.sse(), 1), format.overloadedType(), "Overloaded")
			.build();
		this.primary.enqueue(format.streamRoute(), response);
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.thenConsumeWhile((event) -> true)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsStreamException.class);
				LiaobotsStreamException stream = (LiaobotsStreamException) error;
				assertThat(stream.errorType()).isEqualTo(format.overloadedType());
				assertThat(stream.providerMessage()).isEqualTo("Overloaded");
				assertThat(stream.isRetryable()).isTrue();
				assertThat(format.partialText(stream)).contains("t0");
			})
			.verify(WAIT);
		assertThat(this.primary.requestCount() + this.backup.requestCount()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void transientErrorEventBeforeOutputIsRetried(FormatFixture format) {
		this.primary.enqueue(format.streamRoute(),
				format.errorEvent(StubResponse.sse(), format.overloadedType(), "Overloaded").build());
		this.primary.enqueue(format.streamRoute(), format.completeStream(1));
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults()))
			.expectNextCount(format.eventsSeen(1))
			.verifyComplete();
		assertThat(this.primary.requestCount()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void cancellingStreamClosesConnection(FormatFixture format) throws InterruptedException {
		GatewayTransport pooled = TestTransports.create(this.primary);
		for (int run = 0; run < 20; run++) {
			this.primary.enqueue(format.streamRoute(), slowly(format, 60));
			List<?> firstEvents = format.stream(pooled, CallOptions.defaults()).take(3).collectList().block(WAIT);
			assertThat(firstEvents).hasSize(3);
			StubExchange exchange = this.primary.exchanges().get(run);
			assertThat(exchange.awaitClose(1000)).as("run %d closed within 1 s", run).isTrue();
			assertThat(exchange.bytesSent()).isLessThan(exchange.request().body().length + 100_000L);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void silenceAfterFirstEventTimesOut(FormatFixture format) throws InterruptedException {
		this.primary.enqueue(format.streamRoute(), format.textEvents(StubResponse.sse(), 1).build().keepOpen());
		StepVerifier
			.create(format.stream(this.transport, CallOptions.defaults().withIdleTimeout(Duration.ofMillis(400))))
			.thenConsumeWhile((event) -> true)
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsTimeoutException.class);
				LiaobotsTimeoutException timeout = (LiaobotsTimeoutException) error;
				assertThat(timeout.timeout()).isEqualTo(LiaobotsTimeoutException.Timeout.IDLE);
				assertThat(timeout.limit()).isEqualTo(Duration.ofMillis(400));
				assertThat(error.getMessage()).contains("No data for PT0.4S after");
			})
			.verify(WAIT);
		assertThat(this.primary.exchanges().get(0).awaitClose(2000)).isTrue();
		assertThat(this.primary.requestCount() + this.backup.requestCount()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void slowFirstEventWithinItsLimitSucceeds(FormatFixture format) {
		StubResponse thinking = format.terminal(format.textEvents(StubResponse.sse().pause(Duration.ofMillis(1200)), 1))
			.build();
		this.primary.enqueue(format.streamRoute(), thinking);
		CallOptions options = CallOptions.defaults()
			.withFirstEventTimeout(Duration.ofSeconds(5))
			.withIdleTimeout(Duration.ofMillis(300));
		StepVerifier.create(format.stream(this.transport, options))
			.expectNextCount(format.eventsSeen(1))
			.verifyComplete();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void slowFirstEventBeyondItsLimitTimesOut(FormatFixture format) {
		this.primary.respond(format.streamRoute(),
				(request) -> format.terminal(format.textEvents(StubResponse.sse().pause(Duration.ofSeconds(3)), 1))
					.build());
		CallOptions options = CallOptions.defaults().withFirstEventTimeout(Duration.ofMillis(500)).withMaxAttempts(1);
		StepVerifier.create(format.stream(this.transport, options)).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsTimeoutException.class);
			assertThat(((LiaobotsTimeoutException) error).timeout())
				.isEqualTo(LiaobotsTimeoutException.Timeout.FIRST_EVENT);
		}).verify(WAIT);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void everyDomainFailingListsEachCause(FormatFixture format) {
		this.primary.refuseConnections();
		this.backup.refuseConnections();
		StepVerifier.create(format.stream(this.transport, CallOptions.defaults().withMaxAttempts(1)))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsAllDomainsFailedException.class);
				LiaobotsAllDomainsFailedException all = (LiaobotsAllDomainsFailedException) error;
				assertThat(all.failures()).hasSize(2);
				assertThat(error.getMessage()).contains(this.primary.baseUrl().toString())
					.contains(this.backup.baseUrl().toString())
					.contains("connection refused");
			})
			.verify(WAIT);
	}

	private static StubResponse slowly(FormatFixture format, int events) {
		StubResponse.SseBuilder stream = StubResponse.sse();
		for (int i = 0; i < events; i++) {
			format.textEvents(stream.pause(Duration.ofMillis((i == 0) ? 0 : 100)), 1);
		}
		return stream.build().keepOpen();
	}

}
