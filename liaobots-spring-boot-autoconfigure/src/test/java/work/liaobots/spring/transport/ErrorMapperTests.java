package work.liaobots.spring.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import work.liaobots.spring.error.ErrorContext;
import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsHttpException;
import work.liaobots.spring.error.LiaobotsInsufficientCreditsException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsOverloadedException;
import work.liaobots.spring.error.LiaobotsRateLimitException;
import work.liaobots.spring.error.LiaobotsServerException;
import work.liaobots.spring.json.LiaobotsJson;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTests {

	private final ErrorMapper mapper = new ErrorMapper(LiaobotsJson.mapper(), new SecretMasker("secret-code"));

	private final ErrorContext context = ErrorContext.of(ApiFormat.GEMINI, "POST",
			URI.create("https://ai.liaobots.work/v1beta/models/m:generateContent"));

	@Test
	void geminiInvalidKeyIsAuthentication() {
		LiaobotsException error = map(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid.\","
				+ "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
				+ "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}");
		assertThat(error).isInstanceOf(LiaobotsAuthenticationException.class).hasMessageContaining("liaobots.authcode");
		assertThat(error.errorType()).isEqualTo("INVALID_ARGUMENT");
	}

	@Test
	void geminiRetryDelayIsTheRateLimitWait() {
		LiaobotsException error = map(429, "[{\"error\":{\"code\":429,\"message\":\"Quota exceeded\","
				+ "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
				+ "\"retryDelay\":\"38s\"}]}}]");
		assertThat(error).isInstanceOf(LiaobotsRateLimitException.class);
		assertThat(((LiaobotsRateLimitException) error).retryAfter()).contains(Duration.ofSeconds(38));
		assertThat(error.providerMessage()).isEqualTo("Quota exceeded");
	}

	@Test
	void anthropicBodyGivesTypeAndRequestId() {
		LiaobotsException error = map(529,
				"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_1\"}");
		assertThat(error).isInstanceOf(LiaobotsOverloadedException.class);
		assertThat(error.errorType()).isEqualTo("overloaded_error");
		assertThat(error.requestId()).isEqualTo("req_1");
	}

	@Test
	void requestIdHeaderWinsOverBody() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-request-id", "req_header");
		LiaobotsException error = this.mapper.fromResponse(this.context, 500, headers,
				"{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"},\"request_id\":\"req_body\"}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(error).isInstanceOf(LiaobotsServerException.class);
		assertThat(error.requestId()).isEqualTo("req_header");
	}

	@Test
	void gatewayShapedBodyWithChineseBalanceMessageIsInsufficientCredits() {
		LiaobotsException error = map(403, "{\"code\":1003,\"msg\":\"余额不足，请充值后重试\"}");
		assertThat(error).isInstanceOf(LiaobotsInsufficientCreditsException.class)
			.hasMessageContaining("余额不足")
			.hasMessageContaining("top up");
	}

	@Test
	void plainTextBodyIsKept() {
		LiaobotsException error = map(404, "model not found");
		assertThat(error).isInstanceOf(LiaobotsInvalidRequestException.class).hasMessageContaining("model not found");
	}

	@Test
	void emptyBodyIsSaid() {
		assertThat(map(409, "")).isInstanceOf(LiaobotsHttpException.class).hasMessageContaining("empty body");
	}

	@Test
	void unknownStatusIsStillTyped() {
		LiaobotsException error = map(599, "{\"message\":\"odd\"}");
		assertThat(error).isInstanceOf(LiaobotsServerException.class).hasMessageStartingWith("599 from POST");
		assertThat(error.isRetryable()).isFalse();
	}

	@Test
	void secretInAnyBodyIsMasked() {
		LiaobotsException error = map(401, "invalid key secret-code");
		assertThat(error.getMessage()).doesNotContain("secret-code").contains("******");
	}

	private LiaobotsException map(int status, String body) {
		return this.mapper.fromResponse(this.context, status, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8));
	}

}
