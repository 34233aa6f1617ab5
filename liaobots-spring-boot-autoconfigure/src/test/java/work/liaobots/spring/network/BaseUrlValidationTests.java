package work.liaobots.spring.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration;
import work.liaobots.spring.transport.GatewayTransport;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class BaseUrlValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
		.withPropertyValues("liaobots.authcode=test-code");

	@Test
	void urlWithoutSchemeFailsStartup() {
		assertInvalid("liaobots.base-urls=ai.liaobots.work", "must start with https://");
	}

	@Test
	void unsupportedSchemeFailsStartup() {
		assertInvalid("liaobots.base-urls=ftp://ai.liaobots.work", "must start with https://");
	}

	@Test
	void emptyListFailsStartup() {
		assertInvalid("liaobots.base-urls=", "At least one gateway base URL is required");
	}

	@Test
	void urlWithQueryFailsStartup() {
		assertInvalid("liaobots.base-urls=https://ai.liaobots.work/?x=1", "must not have a query");
	}

	@Test
	void plainHttpToRemoteHostWarns(CapturedOutput output) {
		this.contextRunner.withPropertyValues("liaobots.base-urls=http://gateway.example.org")
			.run((context) -> assertThat(context).hasSingleBean(GatewayTransport.class));
		assertThat(output).contains("http://gateway.example.org over plain HTTP");
	}

	@Test
	void plainHttpToLoopbackDoesNotWarn(CapturedOutput output) {
		this.contextRunner.withPropertyValues("liaobots.base-urls=http://127.0.0.1:9")
			.run((context) -> assertThat(context).hasSingleBean(GatewayTransport.class));
		assertThat(output).doesNotContain("over plain HTTP");
	}

	private void assertInvalid(String property, String reason) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("liaobots.base-urls")
				.hasMessageContaining(reason);
		});
	}

}
