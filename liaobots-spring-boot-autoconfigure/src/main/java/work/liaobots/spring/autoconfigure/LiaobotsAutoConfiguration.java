package work.liaobots.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditBalanceTracker;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.credits.MinimumBalanceGuard;
import work.liaobots.spring.gemini.AspectRatio;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.ImageOptions;
import work.liaobots.spring.gemini.ImageSize;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.messages.MessagesService;
import work.liaobots.spring.responses.ResponsesService;
import work.liaobots.spring.transport.CallGuard;
import work.liaobots.spring.transport.GatewayObserver;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.LiaobotsConnector;
import work.liaobots.spring.transport.SecretMasker;
import work.liaobots.spring.transport.TransportSettings;

/**
 * Auto-configuration of the Liaobots gateway clients: one transport over Reactor Netty
 * and a service bean per gateway surface.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass({ WebClient.class, HttpClient.class })
@ConditionalOnBooleanProperty(name = "liaobots.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LiaobotsProperties.class)
@ImportRuntimeHints(LiaobotsRuntimeHints.class)
public final class LiaobotsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LiaobotsConnector liaobotsConnector(LiaobotsProperties properties,
			ObjectProvider<LiaobotsHttpClientCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) {
		PropertyChecks.check(properties);
		LiaobotsProperties.Pool pool = properties.getPool();
		LiaobotsConnector.PoolSettings poolSettings = new LiaobotsConnector.PoolSettings(pool.getMaxConnections(),
				pool.getMaxPendingAcquires(), pool.getMaxIdleTime(), pool.getMaxLifeTime(), pool.getEvictionInterval());
		List<LiaobotsHttpClientCustomizer> ordered = customizers.orderedStream().toList();
		SecretMasker wiretap = properties.getLogging().isWiretap()
				? new SecretMasker(String.valueOf(properties.getAuthcode())) : null;
		return new LiaobotsConnector(poolSettings, properties.getTimeouts().getConnect(), wiretap,
				(client) -> customize(
						LiaobotsHttpClientConfigurer.configure(client, properties, sslBundles.getIfAvailable()),
						ordered));
	}

	private static HttpClient customize(HttpClient client, List<LiaobotsHttpClientCustomizer> customizers) {
		HttpClient customized = client;
		for (LiaobotsHttpClientCustomizer customizer : customizers) {
			customized = customizer.customize(customized);
		}
		return customized;
	}

	@Bean
	@ConditionalOnMissingBean
	CreditBalanceTracker liaobotsCreditBalanceTracker() {
		return new CreditBalanceTracker();
	}

	@Bean
	@ConditionalOnMissingBean
	GatewayTransport liaobotsGatewayTransport(LiaobotsProperties properties, LiaobotsConnector connector,
			ObjectProvider<WebClient.Builder> webClientBuilders,
			ObjectProvider<LiaobotsWebClientCustomizer> customizers, ObjectProvider<GatewayObserver> observers,
			CreditBalanceTracker tracker, ObjectProvider<CreditsService> credits) {
		TransportSettings settings = transportSettings(properties);
		// Spring's request logging prints raw headers (auth code included) when request
		// details are enabled, so it stays off; the transport logs masked headers.
		WebClient.Builder builder = webClientBuilders.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(connector.clientHttpConnector())
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.defaultHeaders((headers) -> properties.getHeaders().forEach(headers::set));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		int maxStringLength = (int) Math.min(Integer.MAX_VALUE, settings.maxInMemorySize());
		return new GatewayTransport(builder.build(), settings, LiaobotsJson.create(maxStringLength),
				observers.getIfAvailable(() -> GatewayObserver.NOOP), guard(properties, tracker, credits));
	}

	private static CallGuard guard(LiaobotsProperties properties, CreditBalanceTracker tracker,
			ObjectProvider<CreditsService> credits) {
		BigDecimal minBalance = properties.getCredits().getMinBalance();
		if (minBalance == null) {
			return CallGuard.NONE;
		}
		return new MinimumBalanceGuard(tracker, minBalance, credits::getObject, properties.getHealth().getTtl(),
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "liaobots.chat.enabled", matchIfMissing = true)
	ChatCompletionsService chatCompletionsService(GatewayTransport transport, LiaobotsProperties properties) {
		return new ChatCompletionsService(transport, properties.getChat().getDefaultModel());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "liaobots.responses.enabled", matchIfMissing = true)
	ResponsesService responsesService(GatewayTransport transport, LiaobotsProperties properties) {
		return new ResponsesService(transport, properties.getResponses().getDefaultModel());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "liaobots.messages.enabled", matchIfMissing = true)
	MessagesService messagesService(GatewayTransport transport, LiaobotsProperties properties) {
		LiaobotsProperties.Messages messages = properties.getMessages();
		return new MessagesService(transport, messages.getDefaultModel(), messages.getDefaultMaxTokens(),
				messages.getAnthropicVersion());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "liaobots.gemini.enabled", matchIfMissing = true)
	GeminiService geminiService(GatewayTransport transport, LiaobotsProperties properties) {
		LiaobotsProperties.Gemini gemini = properties.getGemini();
		ImageOptions imageDefaults = ImageOptions.of(AspectRatio.of(gemini.getAspectRatio()),
				ImageSize.of(gemini.getImageSize()));
		return new GeminiService(transport, gemini.getDefaultModel(), gemini.getImageModel(), imageDefaults);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "liaobots.credits.enabled", matchIfMissing = true)
	CreditsService creditsService(GatewayTransport transport, LiaobotsProperties properties,
			CreditBalanceTracker tracker) {
		LiaobotsProperties.Credits credits = properties.getCredits();
		return new CreditsService(transport, credits.getPageSize(), credits.getCursorParameter(), tracker);
	}

	static TransportSettings transportSettings(LiaobotsProperties properties) {
		if (!StringUtils.hasText(properties.getAuthcode())) {
			throw new LiaobotsAuthcodeMissingException();
		}
		PropertyChecks.check(properties);
		LiaobotsProperties.Timeouts timeouts = properties.getTimeouts();
		LiaobotsProperties.Retry retry = properties.getRetry();
		return new TransportSettings(properties.getAuthcode().strip(), BaseUrls.validate(properties.getBaseUrls()),
				new TransportSettings.Timeouts(timeouts.getConnect(), timeouts.getResponse(), timeouts.getFirstEvent(),
						timeouts.getIdle(), timeouts.getTotal()),
				new TransportSettings.Retry(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
						retry.getJitter(), retry.getMaxRetryAfter()),
				properties.getFailover().getCooldown(), properties.getMaxInMemorySize().toBytes());
	}

}
