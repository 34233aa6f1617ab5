package work.liaobots.spring.transport;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The Reactor Netty connector the clients use, with its own connection pool.
 * <p>
 * The pool closes idle connections before common load-balancer idle timeouts and evicts
 * them in the background, so a connection a middlebox has silently dropped is not handed
 * out. Close the connector to release the pool.
 */
public final class LiaobotsConnector implements AutoCloseable {

	private final ConnectionProvider connectionProvider;

	private final HttpClient httpClient;

	public LiaobotsConnector(PoolSettings pool, Duration connectTimeout) {
		this(pool, connectTimeout, null, UnaryOperator.identity());
	}

	/**
	 * Creates the connector.
	 * @param pool the connection pool settings
	 * @param connectTimeout the time to open a connection
	 * @param wiretap masks the auth code if a server echoes it, when the bytes of every
	 * exchange are logged at TRACE in the category {@code work.liaobots.spring.wiretap};
	 * {@code null} logs nothing
	 * @param customizer applied last to the HTTP client, for a proxy or a resolver
	 */
	public LiaobotsConnector(PoolSettings pool, Duration connectTimeout, @Nullable SecretMasker wiretap,
			UnaryOperator<HttpClient> customizer) {
		this.connectionProvider = ConnectionProvider.builder("liaobots")
			.maxConnections(pool.maxConnections())
			.pendingAcquireMaxCount(pool.maxPendingAcquires())
			.maxIdleTime(pool.maxIdleTime())
			.maxLifeTime(pool.maxLifeTime())
			.evictInBackground(pool.evictionInterval())
			.build();
		// Reactor Netty re-sends a request by itself only when a pooled connection fails
		// before the request headers were written (HttpClientConnect, reactor-netty-http
		// 1.3.6), so a body that reached a server is re-sent by the retry policy alone.
		// Redirects are never followed: that re-sends the body, and to another host it
		// would hand over the auth header.
		HttpClient client = HttpClient.create(this.connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
			.followRedirect(false);
		if (wiretap != null) {
			MaskingWiretapHandler handler = new MaskingWiretapHandler("work.liaobots.spring.wiretap", wiretap);
			client = client.doOnChannelInit(
					(observer, channel, remote) -> channel.pipeline().addFirst("liaobots.wiretap", handler));
		}
		this.httpClient = customizer.apply(client);
	}

	/**
	 * Returns the HTTP client, for further customization.
	 * @return the client
	 */
	public HttpClient httpClient() {
		return this.httpClient;
	}

	/**
	 * Returns a connector over the HTTP client for a {@code WebClient}.
	 * @return the connector
	 */
	public ClientHttpConnector clientHttpConnector() {
		return new ReactorClientHttpConnector(this.httpClient);
	}

	@Override
	public void close() {
		this.connectionProvider.dispose();
	}

	/**
	 * Connection pool settings.
	 *
	 * @param maxConnections most open connections per domain
	 * @param maxPendingAcquires most calls waiting for a connection, -1 for no limit
	 * @param maxIdleTime how long an idle connection is kept
	 * @param maxLifeTime how long a connection is used at most
	 * @param evictionInterval interval of the background eviction
	 */
	public record PoolSettings(int maxConnections, int maxPendingAcquires, Duration maxIdleTime, Duration maxLifeTime,
			Duration evictionInterval) {

	}

}
