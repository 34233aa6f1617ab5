package work.liaobots.spring.network;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.error.LiaobotsConnectionException;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class ProxyAndTlsTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final StubGateway gateway = StubGateway.start();

	private final StubGateway backup = StubGateway.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
		.withPropertyValues("liaobots.authcode=" + StubGateway.DEFAULT_AUTHCODE, "liaobots.retry.max-attempts=1");

	@AfterEach
	void stopGateways() {
		this.gateway.close();
		this.backup.close();
	}

	@Test
	void configuredProxyCarriesEveryCallWithCredentials() throws IOException {
		try (ConnectProxy proxy = new ConnectProxy(Map.of("gateway.test", InetAddress.getLoopbackAddress()))) {
			this.contextRunner
				.withPropertyValues("liaobots.base-urls=http://gateway.test:" + this.gateway.port(),
						"liaobots.proxy.host=127.0.0.1", "liaobots.proxy.port=" + proxy.port(),
						"liaobots.proxy.username=team", "liaobots.proxy.password=proxy-pass")
				.run((context) -> {
					ChatCompletionsService chat = context.getBean(ChatCompletionsService.class);
					chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT);
					chat.stream(ChatCompletionRequest.of(null, "Hi")).blockLast(WAIT);
					context.getBean(CreditsService.class).balance().block(WAIT);
				});
			assertThat(this.gateway.requestCount()).isEqualTo(3);
			assertThat(proxy.tunnels()).isNotEmpty().allSatisfy((tunnel) -> {
				assertThat(tunnel.target()).isEqualTo("gateway.test:" + this.gateway.port());
				assertThat(tunnel.proxyAuthorization()).isEqualTo("Basic "
						+ Base64.getEncoder().encodeToString("team:proxy-pass".getBytes(StandardCharsets.UTF_8)));
			});
		}
	}

	@Test
	void nonProxyHostsGoDirect() throws IOException {
		try (ConnectProxy proxy = new ConnectProxy(Map.of("gateway.test", InetAddress.getLoopbackAddress()))) {
			this.contextRunner
				.withPropertyValues(
						"liaobots.base-urls=http://gateway.test:" + this.gateway.port() + "," + this.backup.baseUrl(),
						"liaobots.proxy.host=127.0.0.1", "liaobots.proxy.port=" + proxy.port(),
						"liaobots.proxy.non-proxy-hosts=127.0.0.*")
				.run((context) -> {
					this.gateway.enqueue(StubRoute.CREDITS, StubResponse.json(503, "{}"));
					context.getBean(CreditsService.class).balance().block(WAIT);
				});
			assertThat(this.gateway.requestCount()).isEqualTo(1);
			assertThat(this.backup.requestCount()).isEqualTo(1);
			assertThat(proxy.tunnels()).extracting(ConnectProxy.Tunnel::target)
				.allMatch((target) -> target.startsWith("gateway.test:"));
		}
	}

	@Test
	void jvmProxyPropertiesAreHonouredAndLogged(CapturedOutput output) throws IOException {
		try (ConnectProxy proxy = new ConnectProxy(Map.of("gateway.test", InetAddress.getLoopbackAddress()))) {
			System.setProperty("http.proxyHost", "127.0.0.1");
			System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
			try {
				this.contextRunner.withPropertyValues("liaobots.base-urls=http://gateway.test:" + this.gateway.port())
					.run((context) -> context.getBean(CreditsService.class).balance().block(WAIT));
			}
			finally {
				System.clearProperty("http.proxyHost");
				System.clearProperty("http.proxyPort");
			}
			assertThat(proxy.tunnels()).hasSize(1);
			assertThat(output).contains("Liaobots calls use the JVM proxy settings (http.proxyHost=127.0.0.1)");
		}
	}

	@Test
	void sslBundleTrustsTheGatewayCertificate(@TempDir Path directory) throws Exception {
		Path keyStore = selfSignedKeyStore(directory);
		DisposableServer tlsGateway = tlsServer(keyStore);
		try {
			String baseUrl = "liaobots.base-urls=https://127.0.0.1:" + tlsGateway.port();
			this.contextRunner.withPropertyValues(baseUrl, "liaobots.ssl.bundle=gateway")
				.withBean(SslBundles.class, () -> bundles(keyStore))
				.run((context) -> assertThat(context.getBean(CreditsService.class).balance().block(WAIT).balance())
					.isNotNull());
			this.contextRunner.withPropertyValues(baseUrl)
				.run((context) -> assertThatException()
					.isThrownBy(() -> context.getBean(CreditsService.class).balance().block(WAIT))
					.isInstanceOf(LiaobotsConnectionException.class)
					.withMessageContaining("TLS handshake failed"));
		}
		finally {
			tlsGateway.disposeNow();
		}
	}

	@Test
	void proxyHostWithoutPortFailsStartup() {
		this.contextRunner.withPropertyValues("liaobots.proxy.host=127.0.0.1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("liaobots.proxy.port"));
	}

	private static SslBundles bundles(Path keyStorePath) {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			try (var input = Files.newInputStream(keyStorePath)) {
				trustStore.load(input, "changeit".toCharArray());
			}
			return new DefaultSslBundleRegistry("gateway", SslBundle.of(SslStoreBundle.of(null, null, trustStore)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DisposableServer tlsServer(Path keyStorePath) throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (var input = Files.newInputStream(keyStorePath)) {
			keyStore.load(input, "changeit".toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, "changeit".toCharArray());
		var sslContext = SslContextBuilder.forServer(keyManagers).build();
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.secure((spec) -> spec.sslContext(sslContext))
			.route((routes) -> routes.get("/api/v1/credits",
					(request, response) -> response.header("content-type", "application/json")
						.sendString(reactor.core.publisher.Mono.just("{\"data\":{\"balance\":1,\"amount\":2}}"))))
			.bindNow();
	}

	private static Path selfSignedKeyStore(Path directory) throws IOException, InterruptedException {
		Path keyStore = directory.resolve("gateway.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
				"-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass", "changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		String log = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(log).isZero();
		return keyStore;
	}

}
