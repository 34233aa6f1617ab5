package work.liaobots.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.health.LiaobotsHealthAutoConfiguration;
import work.liaobots.spring.health.LiaobotsHealthIndicator;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.observation.LiaobotsObservationAutoConfiguration;
import work.liaobots.spring.transport.GatewayObserver;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.LiaobotsConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class LiaobotsAutoConfigurationTests {

	private final StubGateway gateway = StubGateway.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class,
				LiaobotsHealthAutoConfiguration.class))
		.withPropertyValues(this.gateway.propertyPairs());

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void createsTransportServicesAndHealthIndicator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LiaobotsConnector.class);
			assertThat(context).hasSingleBean(GatewayTransport.class);
			assertThat(context).hasSingleBean(ChatCompletionsService.class);
			assertThat(context).hasSingleBean(CreditsService.class);
			assertThat(context).hasSingleBean(LiaobotsHealthIndicator.class);
			assertThat(context).hasBean("liaobotsHealthIndicator");
		});
	}

	@Test
	void servicesReachTheConfiguredGateway() {
		this.contextRunner.run((context) -> {
			String text = context.getBean(ChatCompletionsService.class)
				.create(ChatCompletionRequest.of(null, "Hi"))
				.block(Duration.ofSeconds(10))
				.text();
			assertThat(text).startsWith("Hello from the Liaobots stub gateway");
			assertThat(this.gateway.requests().get(0).json().path("model").asString()).isEqualTo("gpt-4o-mini");
		});
	}

	@Test
	void micrometerOnClasspathAddsObserver() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(LiaobotsObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(GatewayObserver.class)
				.hasBean("liaobotsCreditBalanceMetrics"));
	}

	@Test
	void withoutMicrometerNoMetricsCodeRuns() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(LiaobotsObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(GatewayObserver.class);
				assertThat(context.getBean(ChatCompletionsService.class)
					.create(ChatCompletionRequest.of(null, "Hi"))
					.block(Duration.ofSeconds(10))).isNotNull();
			});
	}

	@Test
	void balanceGaugeReportsLastKnownBalance() {
		this.gateway.credits(42, 100);
		this.contextRunner.withConfiguration(AutoConfigurations.of(LiaobotsObservationAutoConfiguration.class))
			.run((context) -> {
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean("liaobotsCreditBalanceMetrics", MeterBinder.class).bindTo(registry);
				assertThat(registry.get("liaobots.credits.balance").gauge().value()).isNaN();
				context.getBean(CreditsService.class).balance().block(Duration.ofSeconds(10));
				assertThat(registry.get("liaobots.credits.balance").gauge().value()).isEqualTo(42.0);
			});
	}

	@Test
	void disabledStarterCreatesNothing() {
		this.contextRunner.withPropertyValues("liaobots.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GatewayTransport.class);
			assertThat(context).doesNotHaveBean(ChatCompletionsService.class);
			assertThat(context).doesNotHaveBean(LiaobotsHealthIndicator.class);
		});
	}

	@Test
	void disabledStarterNeedsNoAuthcode() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
			.withPropertyValues("liaobots.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void disabledChatCreatesNoChatService() {
		this.contextRunner.withPropertyValues("liaobots.chat.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ChatCompletionsService.class);
			assertThat(context).hasSingleBean(CreditsService.class);
		});
	}

	@Test
	void disabledCreditsRemovesHealthIndicator() {
		this.contextRunner.withPropertyValues("liaobots.credits.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CreditsService.class);
			assertThat(context).doesNotHaveBean(LiaobotsHealthIndicator.class);
		});
	}

	@Test
	void disabledHealthIndicatorIsRemoved() {
		this.contextRunner.withPropertyValues("management.health.liaobots.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LiaobotsHealthIndicator.class));
	}

	@Test
	void authcodeIsReadFromEnvironmentVariable() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("env", Map.of("LIAOBOTS_AUTHCODE", "from-env"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(LiaobotsProperties.class).getAuthcode()).isEqualTo("from-env");
			});
	}

	@Test
	void missingAuthcodeFailsStartup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
			.withPropertyValues("liaobots.authcode=")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(LiaobotsAuthcodeMissingException.class)
					.hasMessageContaining("liaobots.authcode")
					.hasMessageContaining("LIAOBOTS_AUTHCODE");
			});
	}

	@Test
	void userChatServiceBacksOff() {
		this.contextRunner.withUserConfiguration(UserServices.class).run((context) -> {
			assertThat(context).hasSingleBean(ChatCompletionsService.class);
			assertThat(context.getBean(ChatCompletionsService.class)).isSameAs(context.getBean("userChat"));
		});
	}

	@Test
	void userCreditsServiceBacksOff() {
		this.contextRunner.withUserConfiguration(UserCredits.class).run((context) -> {
			assertThat(context).hasSingleBean(CreditsService.class);
			assertThat(context.getBean(CreditsService.class)).isSameAs(context.getBean("userCredits"));
		});
	}

	@Test
	void userTransportBacksOff() {
		this.contextRunner.withUserConfiguration(UserTransport.class).run((context) -> {
			assertThat(context).hasSingleBean(GatewayTransport.class);
			assertThat(context.getBean(GatewayTransport.class)).isSameAs(context.getBean("userTransport"));
		});
	}

	@Test
	void userConnectorBacksOff() {
		this.contextRunner.withUserConfiguration(UserConnector.class).run((context) -> {
			assertThat(context).hasSingleBean(LiaobotsConnector.class);
			assertThat(context.getBean(LiaobotsConnector.class)).isSameAs(context.getBean("userConnector"));
		});
	}

	@Test
	void userHealthIndicatorBacksOff() {
		this.contextRunner.withUserConfiguration(UserHealth.class).run((context) -> {
			assertThat(context).hasSingleBean(LiaobotsHealthIndicator.class);
			assertThat(context.getBean("liaobotsHealthIndicator"))
				.isSameAs(context.getBean(LiaobotsHealthIndicator.class));
		});
	}

	@Test
	void bootAndStarterCustomizersApplyToTheClient() {
		this.contextRunner.withUserConfiguration(Customizers.class).run((context) -> {
			context.getBean(CreditsService.class).balance().block(Duration.ofSeconds(10));
			RecordedRequest request = this.gateway.requests().get(0);
			assertThat(request.header("x-from-boot")).isEqualTo("yes");
			assertThat(request.header("x-from-starter")).isEqualTo("yes");
			assertThat(request.header("x-from-netty")).isEqualTo("yes");
		});
	}

	@Test
	void configuredHeadersAreSentButCannotReplaceAuth() {
		this.contextRunner
			.withPropertyValues("liaobots.headers.X-Team=search", "liaobots.headers.Authorization=Bearer other")
			.run((context) -> {
				context.getBean(CreditsService.class).balance().block(Duration.ofSeconds(10));
				RecordedRequest request = this.gateway.requests().get(0);
				assertThat(request.header("x-team")).isEqualTo("search");
				assertThat(request.header("authorization")).isEqualTo("Bearer " + StubGateway.DEFAULT_AUTHCODE);
			});
	}

	@Test
	void baseUrlPathPrefixAndTrailingSlashAreKept() {
		this.contextRunner.withPropertyValues("liaobots.base-urls=" + this.gateway.baseUrl() + "/gateway/")
			.run((context) -> {
				context.getBean(CreditsService.class).balance().block(Duration.ofSeconds(10));
				assertThat(this.gateway.requests().get(0).path()).isEqualTo("/gateway/api/v1/credits");
			});
	}

	@Test
	void propertiesToStringHidesAuthcode() {
		this.contextRunner.run((context) -> assertThat(context.getBean(LiaobotsProperties.class).toString())
			.doesNotContain(StubGateway.DEFAULT_AUTHCODE));
	}

	@Test
	void baseUrlsDefaultToPublishedDomains() {
		assertThat(new LiaobotsProperties().getBaseUrls()).containsExactly(URI.create("https://ai.liaobots.work"),
				URI.create("https://ai.liaobots1.work"), URI.create("https://ai.liaobots2.work"),
				URI.create("https://ai.liaobots3.work"));
	}

	@Test
	void propertiesBindFromRelaxedNames() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LiaobotsAutoConfiguration.class))
			.withPropertyValues("liaobots.authcode=test-code", "liaobots.timeouts.first-event=3m",
					"liaobots.retry.max-attempts=5", "liaobots.max-in-memory-size=8MB",
					"liaobots.base-urls[0]=http://127.0.0.1:1", "liaobots.base-urls[1]=http://127.0.0.1:2/prefix")
			.run((context) -> {
				LiaobotsProperties properties = context.getBean(LiaobotsProperties.class);
				assertThat(properties.getTimeouts().getFirstEvent()).isEqualTo(Duration.ofMinutes(3));
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(properties.getMaxInMemorySize().toMegabytes()).isEqualTo(8);
				assertThat(properties.getBaseUrls()).containsExactly(URI.create("http://127.0.0.1:1"),
						URI.create("http://127.0.0.1:2/prefix"));
				assertThat(context.getBean(GatewayTransport.class).router().domains()).hasSize(2);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserServices {

		@Bean
		ChatCompletionsService userChat() {
			return mock(ChatCompletionsService.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCredits {

		@Bean
		CreditsService userCredits() {
			return mock(CreditsService.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTransport {

		@Bean
		GatewayTransport userTransport() {
			return work.liaobots.spring.transport.TestTransports.create(
					work.liaobots.spring.transport.TestTransports.settings(List.of(URI.create("http://127.0.0.1:1"))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnector {

		@Bean
		LiaobotsConnector userConnector() {
			return new LiaobotsConnector(new LiaobotsConnector.PoolSettings(5, -1, Duration.ofSeconds(5),
					Duration.ofMinutes(1), Duration.ofSeconds(5)), Duration.ofSeconds(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealth {

		@Bean
		LiaobotsHealthIndicator liaobotsHealthIndicator() {
			return mock(LiaobotsHealthIndicator.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		WebClientCustomizer bootCustomizer() {
			return (builder) -> builder.defaultHeader("x-from-boot", "yes");
		}

		@Bean
		LiaobotsWebClientCustomizer starterCustomizer() {
			return (builder) -> builder.defaultHeader("x-from-starter", "yes");
		}

		@Bean
		LiaobotsHttpClientCustomizer nettyCustomizer() {
			return (client) -> client.headers((headers) -> headers.set("x-from-netty", "yes"));
		}

	}

}
