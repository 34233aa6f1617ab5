package work.liaobots.spring.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.web.reactive.function.client.WebClient;

import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.StubGateway;

/**
 * Builds transports for tests, with short back-offs so retry tests run fast.
 */
public final class TestTransports {

	private TestTransports() {
	}

	public static TransportSettings settings(List<URI> baseUrls) {
		return new TransportSettings(StubGateway.DEFAULT_AUTHCODE, baseUrls,
				new TransportSettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10),
						Duration.ofSeconds(10), null),
				new TransportSettings.Retry(3, Duration.ofMillis(20), Duration.ofMillis(100), 0.25,
						Duration.ofSeconds(30)),
				Duration.ofSeconds(30), 16 * 1024 * 1024);
	}

	public static GatewayTransport create(StubGateway... gateways) {
		return create(UnaryOperator.identity(), gateways);
	}

	public static GatewayTransport create(UnaryOperator<TransportSettings> customizer, StubGateway... gateways) {
		List<URI> urls = java.util.Arrays.stream(gateways).map(StubGateway::baseUrl).toList();
		return create(customizer.apply(settings(urls)));
	}

	public static GatewayTransport create(TransportSettings settings) {
		LiaobotsConnector connector = new LiaobotsConnector(new LiaobotsConnector.PoolSettings(50, -1,
				Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10)), settings.timeouts().connect());
		WebClient webClient = WebClient.builder().clientConnector(connector.clientHttpConnector()).build();
		int maxString = (int) Math.min(Integer.MAX_VALUE, settings.maxInMemorySize());
		return new GatewayTransport(webClient, settings, LiaobotsJson.create(maxString));
	}

	public static TransportSettings withTimeouts(TransportSettings settings, TransportSettings.Timeouts timeouts) {
		return new TransportSettings(settings.authcode(), settings.baseUrls(), timeouts, settings.retry(),
				settings.cooldown(), settings.maxInMemorySize());
	}

	public static TransportSettings withRetry(TransportSettings settings, TransportSettings.Retry retry) {
		return new TransportSettings(settings.authcode(), settings.baseUrls(), settings.timeouts(), retry,
				settings.cooldown(), settings.maxInMemorySize());
	}

	public static TransportSettings withMaxInMemorySize(TransportSettings settings, long size) {
		return new TransportSettings(settings.authcode(), settings.baseUrls(), settings.timeouts(), settings.retry(),
				settings.cooldown(), size);
	}

}
