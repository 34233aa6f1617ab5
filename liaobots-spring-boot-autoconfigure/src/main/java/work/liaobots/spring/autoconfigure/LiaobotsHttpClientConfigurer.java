package work.liaobots.spring.autoconfigure;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.StringUtils;

/**
 * Applies the proxy and TLS settings of {@code liaobots.proxy.*} and
 * {@code liaobots.ssl.bundle} to the starter's HTTP client.
 * <p>
 * With no proxy configured, the JVM proxy system properties ({@code https.proxyHost} and
 * friends) are honoured and the choice is logged at start-up, so a proxy set with
 * {@code -D} is never silently bypassed.
 */
final class LiaobotsHttpClientConfigurer {

	private static final Log logger = LogFactory.getLog(LiaobotsHttpClientConfigurer.class);

	private static final List<String> JVM_PROXY_PROPERTIES = List.of("https.proxyHost", "http.proxyHost",
			"socksProxyHost");

	private LiaobotsHttpClientConfigurer() {
	}

	static HttpClient configure(HttpClient client, LiaobotsProperties properties, @Nullable SslBundles sslBundles) {
		HttpClient configured = configureProxy(client, properties.getProxy());
		return configureSsl(configured, properties.getSsl().getBundle(), sslBundles);
	}

	private static HttpClient configureProxy(HttpClient client, LiaobotsProperties.Proxy proxy) {
		if (!StringUtils.hasText(proxy.getHost())) {
			String jvmProxy = JVM_PROXY_PROPERTIES.stream()
				.filter((name) -> StringUtils.hasText(System.getProperty(name)))
				.map((name) -> name + "=" + System.getProperty(name))
				.collect(Collectors.joining(", "));
			if (jvmProxy.isEmpty()) {
				return client;
			}
			logger.info("Liaobots calls use the JVM proxy settings (" + jvmProxy
					+ "); set liaobots.proxy.host to choose another proxy");
			return client.proxyWithSystemProperties();
		}
		if (proxy.getPort() == null) {
			throw new InvalidConfigurationPropertyValueException("liaobots.proxy.port", null,
					"A proxy port is required when liaobots.proxy.host is set");
		}
		logger.info("Liaobots calls go through the " + proxy.getType() + " proxy " + proxy.getHost() + ":"
				+ proxy.getPort());
		return client.proxy((spec) -> {
			ProxyProvider.Builder builder = spec
				.type((proxy.getType() == LiaobotsProperties.ProxyType.SOCKS5) ? ProxyProvider.Proxy.SOCKS5
						: ProxyProvider.Proxy.HTTP)
				.host(proxy.getHost())
				.port(proxy.getPort());
			if (StringUtils.hasText(proxy.getUsername())) {
				String password = proxy.getPassword();
				builder.username(proxy.getUsername()).password((user) -> password);
			}
			if (!proxy.getNonProxyHosts().isEmpty()) {
				builder.nonProxyHosts(nonProxyHostsPattern(proxy.getNonProxyHosts()));
			}
		});
	}

	/**
	 * Turns host patterns with {@code *} wildcards into the regular expression Reactor
	 * Netty expects.
	 */
	static String nonProxyHostsPattern(List<String> hosts) {
		return hosts.stream()
			.map(String::strip)
			.filter(StringUtils::hasText)
			.map((host) -> Pattern.quote(host).replace("*", "\\E.*\\Q"))
			.collect(Collectors.joining("|"));
	}

	private static HttpClient configureSsl(HttpClient client, @Nullable String bundleName,
			@Nullable SslBundles sslBundles) {
		if (!StringUtils.hasText(bundleName)) {
			return client;
		}
		if (sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException("liaobots.ssl.bundle", bundleName,
					"No SSL bundles are configured; define it under spring.ssl.bundle");
		}
		SslContext sslContext = sslContext(sslBundles.getBundle(bundleName));
		return client.secure((spec) -> spec.sslContext(sslContext));
	}

	private static SslContext sslContext(SslBundle bundle) {
		try {
			SslContextBuilder builder = SslContextBuilder.forClient()
				.keyManager(bundle.getManagers().getKeyManagerFactory())
				.trustManager(bundle.getManagers().getTrustManagerFactory());
			SslOptions options = bundle.getOptions();
			if (options.getEnabledProtocols() != null) {
				builder.protocols(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				builder.ciphers(List.of(options.getCiphers()));
			}
			return builder.build();
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new IllegalStateException("Invalid SSL bundle for liaobots.ssl.bundle: " + ex.getMessage(), ex);
		}
	}

}
