package work.liaobots.spring.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

import work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration;
import work.liaobots.spring.autoconfigure.LiaobotsProperties;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.transport.GatewayTransport;

/**
 * Auto-configuration of the {@code liaobots} health indicator; switch it off with
 * {@code management.health.liaobots.enabled=false}.
 */
@AutoConfiguration(after = LiaobotsAutoConfiguration.class)
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnBean({ CreditsService.class, GatewayTransport.class })
@ConditionalOnEnabledHealthIndicator("liaobots")
public final class LiaobotsHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "liaobotsHealthIndicator")
	LiaobotsHealthIndicator liaobotsHealthIndicator(CreditsService credits, GatewayTransport transport,
			LiaobotsProperties properties) {
		LiaobotsProperties.Health health = properties.getHealth();
		LiaobotsHealthIndicator.Thresholds thresholds = new LiaobotsHealthIndicator.Thresholds(
				health.getLowBalanceThreshold(), properties.getCredits().getMinBalance());
		return new LiaobotsHealthIndicator(credits, transport.router(), health.getTtl(), health.getTimeout(),
				thresholds);
	}

}
