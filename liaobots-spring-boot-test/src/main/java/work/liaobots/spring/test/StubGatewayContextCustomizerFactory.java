package work.liaobots.spring.test;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a stub gateway for test classes annotated with
 * {@link AutoConfigureLiaobotsStubGateway}.
 */
class StubGatewayContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(AutoConfigureLiaobotsStubGateway.class);
		return annotated ? new StubGatewayContextCustomizer() : null;
	}

	/**
	 * Registers a running stub as the bean {@code liaobotsStubGateway} and adds its
	 * properties ahead of the application's.
	 */
	static final class StubGatewayContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			StubGateway gateway = StubGateway.start();
			Map<String, Object> properties = Map.copyOf(gateway.properties());
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("liaobotsStubGateway", properties));
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton("liaobotsStubGateway", gateway);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> gateway.close());
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
