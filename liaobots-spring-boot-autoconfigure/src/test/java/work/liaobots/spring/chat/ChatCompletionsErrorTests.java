package work.liaobots.spring.chat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsInsufficientCreditsException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsOverloadedException;
import work.liaobots.spring.error.LiaobotsRateLimitException;
import work.liaobots.spring.error.LiaobotsServerException;
import work.liaobots.spring.error.LiaobotsUnexpectedResponseException;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionsErrorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final ChatCompletionsService chat = new ChatCompletionsService(TestTransports.create(this.gateway), "m");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void createReturnsWholeCompletion() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(StubPayloads.chatCompletion("gpt-4o-mini", "Hello there", 12, 3)));
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.of("gpt-4o-mini", "Hi")).block(WAIT);
		assertThat(completion.text()).isEqualTo("Hello there");
		assertThat(completion.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().totalTokens()).isEqualTo(15);
		assertThat(this.gateway.requests().get(0).json().has("stream")).isFalse();
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String body = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"brand_new_top\":true,"
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\",\"refusal\":null,\"annotations\":[]},"
				+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2,"
				+ "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"new_thing\":{\"x\":1}}}}";
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(body));
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		assertThat(completion.extra()).containsEntry("brand_new_top", true);
		assertThat(completion.usage().completionTokensDetails().extra()).containsKey("new_thing");
		String written = work.liaobots.spring.json.LiaobotsJson.mapper().writeValueAsString(completion);
		assertThat(written).contains("\"brand_new_top\":true").contains("\"new_thing\":{\"x\":1}");
	}

	@Test
	void unauthorizedMapsToAuthenticationWithoutTheAuthcode() {
		this.gateway.authcode("another-code");
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsAuthenticationException.class);
			LiaobotsException liaobots = (LiaobotsException) error;
			assertThat(liaobots.status()).isEqualTo(401);
			assertThat(liaobots.errorType()).isEqualTo("invalid_request_error");
			assertThat(liaobots.domain()).isEqualTo(this.gateway.baseUrl().toString());
			assertThat(error.getMessage())
				.startsWith("401 Unauthorized from POST " + this.gateway.baseUrl()
						+ "/v1/chat/completions: Invalid auth code provided")
				.contains("'liaobots.authcode'")
				.doesNotContain(StubGateway.DEFAULT_AUTHCODE);
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void echoedAuthcodeIsMaskedInProviderMessage() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(401, StubPayloads
			.openAiError("invalid_request_error", "Incorrect API key provided: " + StubGateway.DEFAULT_AUTHCODE)));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error.getMessage()).doesNotContain(StubGateway.DEFAULT_AUTHCODE).contains("******");
			assertThat(((LiaobotsException) error).providerMessage()).doesNotContain(StubGateway.DEFAULT_AUTHCODE);
		}).verify(WAIT);
	}

	@Test
	void badRequestMapsToInvalidRequestAndIsNotRetried() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(400,
				StubPayloads.openAiError("invalid_request_error", "messages must not be empty")));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsInvalidRequestException.class)
				.hasMessageContaining("messages must not be empty (invalid_request_error)"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void rateLimitLongerThanMaximumFailsAtOnceWithTheWait() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse
					.json(429,
							"{\"error\":{\"message\":\"Rate limit reached for this deployment. Retry later.\","
									+ "\"type\":\"rate_limit_exceeded\",\"code\":\"429\"}}")
					.header("Retry-After", "86400"));
		long start = System.nanoTime();
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsRateLimitException.class);
			LiaobotsRateLimitException rateLimit = (LiaobotsRateLimitException) error;
			assertThat(rateLimit.status()).isEqualTo(429);
			assertThat(rateLimit.retryAfter()).contains(Duration.ofHours(24));
			assertThat(rateLimit.providerMessage()).isEqualTo("Rate limit reached for this deployment. Retry later.");
		}).verify(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void rateLimitWithShortWaitIsRetriedAfterTheWait() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(429, StubPayloads.openAiError("rate_limit_exceeded", "slow down"))
					.header("retry-after-ms", "700"));
		long start = System.nanoTime();
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		assertThat(completion.text()).isNotEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void overloadedIsRetriedWithBackoff() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(529,
				"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_test_1\"}"));
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		assertThat(completion.text()).isNotEmpty();
		assertThat(this.gateway.requestCount()).isEqualTo(2);
	}

	@Test
	void overloadedOnEveryAttemptCarriesStatusAndRequestId() {
		for (int i = 0; i < 3; i++) {
			this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(529,
					"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_test_1\"}"));
		}
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(LiaobotsOverloadedException.class);
			LiaobotsException overloaded = (LiaobotsException) error;
			assertThat(overloaded.status()).isEqualTo(529);
			assertThat(overloaded.requestId()).isEqualTo("req_test_1");
			assertThat(overloaded.isRetryable()).isTrue();
			assertThat(error.getMessage()).startsWith("529 Overloaded from POST");
		}).verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(3);
	}

	@Test
	void htmlErrorPageFromProxyIsReadable() {
		this.gateway
			.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.body(500, "text/html; charset=utf-8",
					"<html><head><title>500 Internal Server Error</title></head><body><h1>nginx</h1></body></html>"))
			.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.body(500, "text/html", "<html></html>"))
			.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.body(500, "text/html", "<html></html>"));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsServerException.class)
				.hasMessageContaining("HTML page"))
			.verify(WAIT);
	}

	@Test
	void htmlPageWithSuccessStatusIsUnexpectedResponse() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.body(200, "text/html", "<html><head><title>Login required</title></head></html>"));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsUnexpectedResponseException.class)
				.hasMessageContaining("HTML page 'Login required'"))
			.verify(WAIT);
	}

	@Test
	void emptySuccessBodyIsUnexpectedResponse() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.body(200, "application/json", ""));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsUnexpectedResponseException.class)
				.hasMessageContaining("empty body"))
			.verify(WAIT);
	}

	@Test
	void jsonErrorOnStreamCallIsMappedLikeAStatusError() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(400, StubPayloads.openAiError("invalid_request_error", "bad model")));
		StepVerifier.create(this.chat.stream(ChatCompletionRequest.of("m", "Hi")))
			.expectError(LiaobotsInvalidRequestException.class)
			.verify(WAIT);
	}

	@Test
	void paymentRequiredMapsToInsufficientCredits() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(402, "{\"error\":{\"message\":\"余额不足，请充值\",\"type\":\"insufficient_balance\"}}"));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsInsufficientCreditsException.class)
				.hasMessageContaining("余额不足"))
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void quotaErrorWithRateLimitStatusIsInsufficientCredits() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(429,
				StubPayloads.openAiError("insufficient_quota", "You exceeded your current quota")));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of("m", "Hi")))
			.expectError(LiaobotsInsufficientCreditsException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void maxAttemptsOfOneDisablesRetries() {
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(500, StubPayloads.openAiError("server_error", "boom")));
		StepVerifier
			.create(this.chat.create(ChatCompletionRequest.of("m", "Hi"), CallOptions.defaults().withMaxAttempts(1)))
			.expectError(LiaobotsServerException.class)
			.verify(WAIT);
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

}
