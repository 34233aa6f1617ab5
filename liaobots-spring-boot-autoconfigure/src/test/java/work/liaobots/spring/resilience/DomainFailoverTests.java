package work.liaobots.spring.resilience;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import work.liaobots.spring.chat.ChatCompletion;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.error.LiaobotsConnectionException;
import work.liaobots.spring.error.LiaobotsServerException;
import work.liaobots.spring.error.LiaobotsTimeoutException;
import work.liaobots.spring.health.LiaobotsHealthIndicator;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.Domain;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.LiaobotsConnector;
import work.liaobots.spring.transport.TestTransports;
import work.liaobots.spring.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;

class DomainFailoverTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final StubGateway primary = StubGateway.start();

	private final StubGateway backup = StubGateway.start();

	@AfterEach
	void stopGateways() {
		this.primary.close();
		this.backup.close();
	}

	@Test
	void failedDomainIsSkippedDuringCooldown() {
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(503, "{}"));
		ChatCompletionsService chat = chat(transport(Duration.ofSeconds(30), Duration.ofSeconds(10)));
		for (int i = 0; i < 5; i++) {
			assertThat(chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
		}
		assertThat(this.primary.requestCount()).isEqualTo(1);
		assertThat(this.backup.requestCount()).isEqualTo(5);
	}

	@Test
	void stalledPrimaryCostsOneTimeoutPerCooldown() {
		this.primary.respond(StubRoute.CHAT_COMPLETIONS, (request) -> StubResponse.noResponse());
		GatewayTransport transport = transport(Duration.ofSeconds(30), Duration.ofMillis(300));
		ChatCompletionsService chat = chat(transport);
		long start = System.nanoTime();
		for (int i = 0; i < 6; i++) {
			assertThat(chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.primary.requestCount()).isEqualTo(1);
		assertThat(this.backup.requestCount()).isEqualTo(6);
		assertThat(transport.router().domains().get(0).state()).isEqualTo(Domain.State.COOLING_DOWN);
		assertThat(transport.router().activeDomain().name()).isEqualTo(this.backup.baseUrl().toString());
	}

	@Test
	void concurrentCallsSendOneProbeAfterCooldown() throws InterruptedException {
		this.primary.respond(StubRoute.CHAT_COMPLETIONS, (request) -> StubResponse.noResponse());
		GatewayTransport transport = transport(Duration.ofMillis(500), Duration.ofMillis(400));
		ChatCompletionsService chat = chat(transport);
		chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT);
		Thread.sleep(700);
		List<ChatCompletion> results = Flux.range(0, 10)
			.flatMap((i) -> chat.create(ChatCompletionRequest.of(null, "Hi")))
			.collectList()
			.block(WAIT);
		assertThat(results).hasSize(10);
		assertThat(this.primary.requestCount()).isEqualTo(2);
		assertThat(this.backup.requestCount()).isEqualTo(11);
	}

	@Test
	void recoveredPrimaryIsUsedAgainAfterCooldown() throws InterruptedException {
		this.primary.refuseConnections();
		ChatCompletionsService chat = chat(transport(Duration.ofMillis(300), Duration.ofSeconds(10)));
		chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT);
		this.primary.acceptConnections();
		Thread.sleep(500);
		chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT);
		chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT);
		assertThat(this.primary.requestCount()).isEqualTo(2);
		assertThat(this.backup.requestCount()).isEqualTo(1);
	}

	@Test
	void connectionClosedBeforeResponseMovesToBackup() {
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.closeWithoutResponse());
		ChatCompletionsService chat = chat(transport(Duration.ofSeconds(30), Duration.ofSeconds(10)));
		assertThat(chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
		assertThat(this.primary.requestCount()).isEqualTo(1);
		assertThat(this.backup.requestCount()).isEqualTo(1);
	}

	@Test
	void connectionClosedBeforeResponseSaysRequestMayHaveBeenProcessed() {
		this.primary.respond(StubRoute.CHAT_COMPLETIONS, (request) -> StubResponse.closeWithoutResponse());
		GatewayTransport single = TestTransports.create(this.primary);
		StepVerifier
			.create(chat(single).create(ChatCompletionRequest.of(null, "Hi"),
					CallOptions.defaults().withMaxAttempts(1)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsConnectionException.class)
				.hasMessageContaining("the request may have been processed"))
			.verify(WAIT);
	}

	@Test
	void overloadedPrimaryMovesToBackupAfterItsRetries() {
		String overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
		this.primary.respond(StubRoute.CHAT_COMPLETIONS, (request) -> StubResponse.json(529, overloaded));
		ChatCompletionsService chat = chat(transport(Duration.ofSeconds(30), Duration.ofSeconds(10)));
		assertThat(chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
		assertThat(this.primary.requestCount()).isEqualTo(3);
		assertThat(this.backup.requestCount()).isEqualTo(1);
	}

	@Test
	void serverErrorOnSingleDomainIsRetriedThenReported() {
		this.primary.respond(StubRoute.CHAT_COMPLETIONS,
				(request) -> StubResponse.json(503, StubPayloads.openAiError("server_error", "down for maintenance")));
		StepVerifier.create(chat(TestTransports.create(this.primary)).create(ChatCompletionRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsServerException.class)
				.hasMessageContaining("down for maintenance"))
			.verify(WAIT);
		assertThat(this.primary.requestCount()).isEqualTo(3);
	}

	@Test
	void dnsFailureMovesToBackup() {
		URI unresolvable = URI.create("http://primary.liaobots.test:" + this.primary.port());
		URI resolvable = URI.create("http://backup.liaobots.test:" + this.backup.port());
		TransportSettings settings = TestTransports.settings(List.of(unresolvable, resolvable));
		GatewayTransport transport = withResolver(settings,
				Map.of("backup.liaobots.test", InetAddress.getLoopbackAddress()));
		assertThat(chat(transport).create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
		assertThat(this.primary.requestCount()).isZero();
		assertThat(this.backup.requestCount()).isEqualTo(1);
		assertThat(transport.router().domains().get(0).lastError())
			.contains("DNS lookup failed for primary.liaobots.test");
	}

	@Test
	void tlsFailureMovesToBackup() {
		URI tlsToPlainServer = URI.create("https://127.0.0.1:" + this.primary.port());
		GatewayTransport transport = TestTransports
			.create(TestTransports.settings(List.of(tlsToPlainServer, this.backup.baseUrl())));
		assertThat(chat(transport).create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
		assertThat(this.backup.requestCount()).isEqualTo(1);
		assertThat(transport.router().domains().get(0).lastError()).contains("TLS handshake failed");
	}

	@Test
	void connectTimeoutMovesToBackup() throws IOException {
		try (FullBacklogServer blackHole = new FullBacklogServer()) {
			TransportSettings base = TestTransports.settings(List.of(blackHole.uri(), this.backup.baseUrl()));
			TransportSettings.Timeouts timeouts = new TransportSettings.Timeouts(Duration.ofMillis(300),
					Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), null);
			GatewayTransport transport = TestTransports.create(TestTransports.withTimeouts(base, timeouts));
			assertThat(chat(transport).create(ChatCompletionRequest.of(null, "Hi")).block(WAIT)).isNotNull();
			assertThat(this.backup.requestCount()).isEqualTo(1);
			assertThat(transport.router().domains().get(0).lastError()).contains("No connection to")
				.contains("within PT0.3S");
		}
	}

	@Test
	void creditsAndHealthFailOverToo() {
		this.primary.refuseConnections();
		this.backup.credits(42, 100);
		GatewayTransport transport = transport(Duration.ofSeconds(30), Duration.ofSeconds(10));
		CreditsService credits = new CreditsService(transport, 50, "nextId");
		assertThat(credits.balance().block(WAIT).balance()).isEqualByComparingTo(new BigDecimal("42"));
		Health health = new LiaobotsHealthIndicator(credits, transport.router(), Duration.ofSeconds(1),
				Duration.ofSeconds(5))
			.health()
			.block(WAIT);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("activeDomain", this.backup.baseUrl().toString());
		assertThat(health.getDetails().get("domains").toString()).contains("COOLING_DOWN")
			.contains("connection refused");
	}

	@Test
	void totalDeadlineIncludesRetries() {
		this.primary.respond(StubRoute.CHAT_COMPLETIONS, (request) -> StubResponse.json(500, "{}"));
		CallOptions options = CallOptions.defaults().withTotalTimeout(Duration.ofMillis(50));
		TransportSettings settings = TestTransports.withRetry(TestTransports.settings(List.of(this.primary.baseUrl())),
				new TransportSettings.Retry(5, Duration.ofMillis(200), Duration.ofSeconds(1), 0,
						Duration.ofSeconds(30)));
		StepVerifier.create(chat(TestTransports.create(settings)).create(ChatCompletionRequest.of(null, "Hi"), options))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(LiaobotsTimeoutException.class);
				assertThat(((LiaobotsTimeoutException) error).timeout())
					.isEqualTo(LiaobotsTimeoutException.Timeout.TOTAL);
				assertThat(error.getMessage()).contains("did not finish within PT0.05S");
			})
			.verify(WAIT);
	}

	@Test
	void idleKeepAliveConnectionClosedByServerIsNotAnError() throws InterruptedException {
		this.primary.closeIdleConnectionsAfter(Duration.ofMillis(300));
		ChatCompletionsService chat = chat(TestTransports.create(this.primary));
		for (int i = 0; i < 3; i++) {
			assertThat(chat.create(ChatCompletionRequest.of(null, "Hi"), CallOptions.defaults().withMaxAttempts(1))
				.block(WAIT)).isNotNull();
			Thread.sleep(600);
		}
		assertThat(this.primary.requestCount()).isEqualTo(3);
	}

	/**
	 * A listening socket that never accepts, with its accept queue filled, so further
	 * connection attempts on loopback get no answer and hit the connect timeout.
	 */
	private static final class FullBacklogServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> fillers = new ArrayList<>();

		FullBacklogServer() throws IOException {
			this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
			for (int i = 0; i < 2; i++) {
				Socket filler = new Socket();
				filler.connect(this.socket.getLocalSocketAddress(), 1000);
				this.fillers.add(filler);
			}
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
		}

		@Override
		public void close() throws IOException {
			for (Socket filler : this.fillers) {
				filler.close();
			}
			this.socket.close();
		}

	}

	private GatewayTransport transport(Duration cooldown, Duration responseTimeout) {
		TransportSettings base = TestTransports.settings(List.of(this.primary.baseUrl(), this.backup.baseUrl()));
		TransportSettings.Timeouts timeouts = new TransportSettings.Timeouts(Duration.ofSeconds(2), responseTimeout,
				Duration.ofSeconds(10), Duration.ofSeconds(10), null);
		return TestTransports.create(new TransportSettings(base.authcode(), base.baseUrls(), timeouts, base.retry(),
				cooldown, base.maxInMemorySize()));
	}

	private static ChatCompletionsService chat(GatewayTransport transport) {
		return new ChatCompletionsService(transport, "m");
	}

	/**
	 * Builds a transport whose DNS answers only the given names, so a lookup failure is
	 * simulated without any real DNS query.
	 */
	private static GatewayTransport withResolver(TransportSettings settings, Map<String, InetAddress> names) {
		LiaobotsConnector connector = new LiaobotsConnector(
				new LiaobotsConnector.PoolSettings(10, -1, Duration.ofSeconds(30), Duration.ofMinutes(5),
						Duration.ofSeconds(10)),
				settings.timeouts().connect(), null, (client) -> client.resolver(new FixedResolverGroup(names)));
		WebClient webClient = WebClient.builder().clientConnector(connector.clientHttpConnector()).build();
		return new GatewayTransport(webClient, settings, LiaobotsJson.create(1 << 24));
	}

	private static final class FixedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

		private final Map<String, InetAddress> names;

		FixedResolverGroup(Map<String, InetAddress> names) {
			this.names = names;
		}

		@Override
		protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
			InetNameResolver resolver = new InetNameResolver(executor) {

				@Override
				protected void doResolve(String host, Promise<InetAddress> promise) {
					InetAddress address = FixedResolverGroup.this.names.get(host);
					if (address != null) {
						promise.setSuccess(address);
					}
					else {
						promise.setFailure(new UnknownHostException(host + ": test resolver has no entry"));
					}
				}

				@Override
				protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
					InetAddress address = FixedResolverGroup.this.names.get(host);
					if (address != null) {
						promise.setSuccess(List.of(address));
					}
					else {
						promise.setFailure(new UnknownHostException(host + ": test resolver has no entry"));
					}
				}

			};
			return new InetSocketAddressResolver(executor, resolver);
		}

	}

}
