package work.liaobots.spring.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration;
import work.liaobots.spring.credits.CreditBalanceTracker;
import work.liaobots.spring.transport.GatewayObserver;

/**
 * Auto-configuration of the starter's Micrometer metrics and observations. It applies
 * only when Micrometer is on the classpath; without it no metrics code runs.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "liaobots.enabled", matchIfMissing = true)
public final class LiaobotsObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GatewayObserver liaobotsGatewayObserver(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<GatewayObservationConvention> convention) {
		return new MicrometerGatewayObserver(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				meterRegistry.getIfAvailable(), convention.getIfAvailable(GatewayObservationConvention::new));
	}

	@Bean
	@ConditionalOnBean(CreditBalanceTracker.class)
	MeterBinder liaobotsCreditBalanceMetrics(CreditBalanceTracker tracker) {
		return (registry) -> Gauge.builder("liaobots.credits.balance", tracker,
				(source) -> source.lastKnown().map((snapshot) -> snapshot.balance().doubleValue()).orElse(Double.NaN))
			.description("Last balance the credits endpoint reported")
			.baseUnit("credits")
			.register(registry);
	}

}
