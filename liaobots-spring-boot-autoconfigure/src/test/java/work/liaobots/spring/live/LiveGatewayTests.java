package work.liaobots.spring.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration;
import work.liaobots.spring.credits.CreditBalance;
import work.liaobots.spring.credits.CreditsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the real gateway's free credits endpoint. Runs only when LIAOBOTS_AUTHCODE is
 * set, so the normal test run never leaves the machine.
 */
@EnabledIfEnvironmentVariable(named = "LIAOBOTS_AUTHCODE", matches = ".+")
class LiveGatewayTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
		.withPropertyValues("liaobots.authcode=" + System.getenv("LIAOBOTS_AUTHCODE"));

	@Test
	void creditsEndpointAnswersWithABalance() {
		this.contextRunner.run((context) -> {
			CreditBalance balance = context.getBean(CreditsService.class).balance().block(Duration.ofSeconds(30));
			assertThat(balance.balance()).isNotNull();
		});
	}

}
