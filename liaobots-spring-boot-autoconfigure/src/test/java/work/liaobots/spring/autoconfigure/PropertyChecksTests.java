package work.liaobots.spring.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyChecksTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
		.withPropertyValues("liaobots.authcode=test-code", "liaobots.base-urls=http://127.0.0.1:9");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "liaobots.retry.jitter=2|between 0 and 1", "liaobots.retry.max-attempts=0|at least 1",
					"liaobots.timeouts.idle=-5s|must be positive", "liaobots.timeouts.connect=0s|must be positive",
					"liaobots.failover.cooldown=-1s|must not be negative",
					"liaobots.max-in-memory-size=0B|must be positive", "liaobots.credits.page-size=0|at least 1",
					"liaobots.pool.max-connections=0|at least 1", "liaobots.messages.default-max-tokens=0|at least 1",
					"liaobots.health.timeout=0s|must be positive" })
	void outOfRangeValueFailsStartupNamingTheProperty(String setting, String reason) {
		String property = setting.substring(0, setting.indexOf('='));
		this.contextRunner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(property)
				.hasMessageContaining(reason);
		});
	}

}
