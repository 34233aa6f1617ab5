package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import work.liaobots.spring.test.StubGateway;

/**
 * Starts the stub gateway in-process and points the starter at it, unless an auth code is
 * configured.
 * <p>
 * {@code sample.gateway.mode} decides: {@code auto} (the default) uses the stub when
 * neither {@code liaobots.authcode} nor {@code LIAOBOTS_AUTHCODE} is set,
 * {@code embedded} always uses the stub, {@code real} never does.
 */
class EmbeddedGatewayEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String MODE_PROPERTY = "sample.gateway.mode";

	private final Log logger;

	EmbeddedGatewayEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(EmbeddedGatewayEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
		boolean hasAuthcode = StringUtils.hasText(environment.getProperty("liaobots.authcode"));
		if ("real".equals(mode) || ("auto".equals(mode) && hasAuthcode)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("sampleGateway", Map.of("sample.gateway.kind", "liaobots")));
			return;
		}
		EmbeddedGateways gateways = EmbeddedGateways.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("liaobots.base-urls", gateways.baseUrls());
		properties.put("liaobots.authcode", StubGateway.DEFAULT_AUTHCODE);
		properties.put("liaobots.failover.cooldown", "10s");
		properties.put("sample.gateway.kind", "embedded-stub");
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedStubGateway", properties));
		// Health results are reused for a short time only, so the page's status strip
		// shows a failover within seconds. Added last, so any configured TTL wins.
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedStubDefaults", Map.of("liaobots.health.ttl", "2s")));
		application
			.addInitializers((context) -> context.getBeanFactory().registerSingleton("embeddedGateways", gateways));
		application.addListeners((ApplicationListener<ContextClosedEvent>) (event) -> gateways.close());
		this.logger.info("No auth code set: using embedded stub gateways at " + gateways.baseUrls()
				+ " (set LIAOBOTS_AUTHCODE to use the real gateway)");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
