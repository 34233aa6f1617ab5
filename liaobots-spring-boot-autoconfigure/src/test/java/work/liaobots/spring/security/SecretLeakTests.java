package work.liaobots.spring.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration;
import work.liaobots.spring.autoconfigure.LiaobotsProperties;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsHttpException;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessagesService;
import work.liaobots.spring.responses.ResponseRequest;
import work.liaobots.spring.responses.ResponsesService;
import work.liaobots.spring.health.LiaobotsHealthAutoConfiguration;
import work.liaobots.spring.health.LiaobotsHealthIndicator;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.SensitiveData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the gateway with every kind of logging at TRACE, the wiretap on and Spring's
 * request-detail logging requested, and checks the auth code shows up nowhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTests {

	private static final String AUTHCODE = "gw-live-0123456789abcdefTESTSECRET";

	private static final String SECRET_PART = "0123456789abcdefTESTSECRET";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start().authcode(AUTHCODE);

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void traceEverything() {
		this.loggingSystem.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.TRACE);
	}

	@AfterEach
	void restoreLogging() {
		this.loggingSystem.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
		this.gateway.close();
	}

	@Test
	void authcodeNeverAppearsInOutput(CapturedOutput output) {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(401,
				StubPayloads.openAiError("invalid_request_error", "Incorrect API key provided: " + AUTHCODE)));
		contextRunner().run((context) -> {
			ChatCompletionsService chat = context.getBean(ChatCompletionsService.class);
			String rejection = chat.create(ChatCompletionRequest.of(null, "Hi"))
				.map((completion) -> "no error")
				.onErrorResume((error) -> Mono.just(error + " | " + error.getCause()))
				.block(WAIT);
			chat.create(ChatCompletionRequest.of(null, "Hi")).block(WAIT);
			chat.stream(ChatCompletionRequest.of(null, "Hi")).blockLast(WAIT);
			ResponsesService responses = context.getBean(ResponsesService.class);
			responses.create(ResponseRequest.of(null, "Hi")).block(WAIT);
			responses.stream(ResponseRequest.of(null, "Hi")).blockLast(WAIT);
			MessagesService messages = context.getBean(MessagesService.class);
			messages.create(MessageRequest.of(null, "Hi")).block(WAIT);
			messages.stream(MessageRequest.of(null, "Hi")).blockLast(WAIT);
			GeminiService gemini = context.getBean(GeminiService.class);
			gemini.create(GenerateContentRequest.of("Hi")).block(WAIT);
			gemini.stream(GenerateContentRequest.of("Hi")).blockLast(WAIT);
			context.getBean(CreditsService.class).usage(10).take(3).blockLast(WAIT);
			String health = context.getBean(LiaobotsHealthIndicator.class).health().block(WAIT).toString();
			String properties = context.getBean(LiaobotsProperties.class).toString();
			assertThat(rejection).contains("401 Unauthorized").doesNotContain(SECRET_PART);
			assertThat(health).doesNotContain(SECRET_PART);
			assertThat(properties).doesNotContain(SECRET_PART);
		});
		assertThat(output).contains("POST /v1/chat/completions")
			.contains("POST /v1/responses")
			.contains("POST /v1/messages")
			.contains(":streamGenerateContent?alt=sse")
			.contains("Authorization: ******")
			.contains("x-api-key: ******")
			.contains("x-goog-api-key: ******");
		assertThat(output.toString()).doesNotContain(SECRET_PART);
	}

	@Test
	void errorsOfEveryFormatHideEchoedAuthcode() {
		String echo = "Incorrect API key provided: " + AUTHCODE;
		this.gateway.enqueue(StubRoute.RESPONSES,
				StubResponse.json(401, StubPayloads.openAiError("invalid_api_key", echo)));
		this.gateway.enqueue(StubRoute.MESSAGES, StubResponse.json(401,
				"{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"" + echo + "\"}}"));
		this.gateway.enqueue(StubRoute.GEMINI_GENERATE, StubResponse.json(400,
				"{\"error\":{\"code\":400,\"message\":\"" + echo + "\",\"status\":\"INVALID_ARGUMENT\"}}"));
		contextRunner().run((context) -> {
			List<Mono<?>> calls = List.of(
					context.getBean(ResponsesService.class).create(ResponseRequest.of(null, "Hi")),
					context.getBean(MessagesService.class).create(MessageRequest.of(null, "Hi")),
					context.getBean(GeminiService.class).create(GenerateContentRequest.of("Hi")));
			for (Mono<?> call : calls) {
				StepVerifier.create(call).expectErrorSatisfies((error) -> {
					assertThat(error.getMessage()).contains("******").doesNotContain(SECRET_PART);
					assertThat(((LiaobotsException) error).providerMessage()).doesNotContain(SECRET_PART);
					assertThat(error.toString()).doesNotContain(SECRET_PART);
				}).verify(WAIT);
			}
		});
	}

	@Test
	void keyQueryParametersAreMaskedByName() {
		assertThat(SensitiveData
			.maskQuery("POST https://h/v1beta/models/m:generateContent?alt=sse&key=" + AUTHCODE + "&x=1"))
			.isEqualTo("POST https://h/v1beta/models/m:generateContent?alt=sse&key=******&x=1");
		assertThat(SensitiveData.maskHttpText("GET /x?key=abc HTTP/1.1\r\nX-Goog-Api-Key: " + AUTHCODE + "\r\n"))
			.doesNotContain(SECRET_PART)
			.doesNotContain("key=abc");
	}

	@Test
	void redirectToAnotherHostIsNotFollowed() {
		try (StubGateway elsewhere = StubGateway.start()) {
			this.gateway.enqueue(StubRoute.CREDITS,
					StubResponse.json(302, "{}").header("location", elsewhere.baseUrl() + "/api/v1/credits"));
			contextRunner().run((context) -> StepVerifier.create(context.getBean(CreditsService.class).balance())
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsHttpException.class)
					.hasMessageStartingWith("302 Found from GET"))
				.verify(WAIT));
			assertThat(elsewhere.requestCount()).isZero();
		}
	}

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, WebClientAutoConfiguration.class,
					LiaobotsAutoConfiguration.class, LiaobotsHealthAutoConfiguration.class))
			.withPropertyValues(this.gateway.propertyPairs())
			.withPropertyValues("liaobots.logging.wiretap=true", "spring.codec.log-request-details=true",
					"liaobots.retry.max-attempts=1");
	}

}
