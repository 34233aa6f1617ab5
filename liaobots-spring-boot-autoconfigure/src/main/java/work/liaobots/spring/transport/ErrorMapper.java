package work.liaobots.spring.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import work.liaobots.spring.json.JsonNodes;
import work.liaobots.spring.error.ErrorContext;
import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsConnectionException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsHttpException;
import work.liaobots.spring.error.LiaobotsInsufficientCreditsException;
import work.liaobots.spring.error.LiaobotsInvalidRequestException;
import work.liaobots.spring.error.LiaobotsOverloadedException;
import work.liaobots.spring.error.LiaobotsRateLimitException;
import work.liaobots.spring.error.LiaobotsServerException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.error.LiaobotsTimeoutException;

/**
 * Turns error responses, error events and I/O failures into typed
 * {@link LiaobotsException}s whose messages say what failed and what to do.
 * <p>
 * Error bodies come in the OpenAI, Anthropic and Gemini shapes, in unknown JSON shapes,
 * or as HTML from a proxy; each yields an error type and message where it has them. The
 * auth code is removed from every provider message before it reaches an exception.
 */
final class ErrorMapper {

	private static final int MAX_DETAIL_LENGTH = 300;

	private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern NO_CREDITS = Pattern
		.compile("insufficient[_ ](quota|balance|credit|funds)|not enough (balance|credits?)|out of credits?"
				+ "|balance (is )?(insufficient|too low)|余额不足|额度不足|积分不足|余额为", Pattern.CASE_INSENSITIVE);

	private static final String AUTHCODE_HINT = "check 'liaobots.authcode' (or the LIAOBOTS_AUTHCODE environment variable)";

	private final JsonMapper mapper;

	private final SecretMasker masker;

	ErrorMapper(JsonMapper mapper, SecretMasker masker) {
		this.mapper = mapper;
		this.masker = masker;
	}

	LiaobotsException fromResponse(ErrorContext context, int status, HttpHeaders headers, byte[] body) {
		ProviderError error = readError(body, headers);
		String requestId = firstNonNull(headers.getFirst("x-request-id"), headers.getFirst("request-id"),
				error.requestId());
		ErrorContext withResponse = context.withResponse(status, error.type(), error.message(), requestId);
		String summary = status + reasonPhrase(status) + " from " + context.requestLine() + ": " + describe(error);
		if (isInsufficientCredits(status, error)) {
			return new LiaobotsInsufficientCreditsException(
					summary + "; the auth code has too few credits, top up and try again", withResponse);
		}
		if (status == 401 || status == 403 || isRejectedKey(error)) {
			return new LiaobotsAuthenticationException(summary + "; " + AUTHCODE_HINT, withResponse);
		}
		if (status == 429) {
			Duration retryAfter = RetryAfter.parse(headers, error.retryDelay());
			String wait = (retryAfter != null) ? "the server asked to wait " + retryAfter : "slow down";
			return new LiaobotsRateLimitException(summary + "; " + wait, withResponse, retryAfter);
		}
		if (status == 529 || "overloaded_error".equals(error.type())) {
			return new LiaobotsOverloadedException(summary + "; the provider is overloaded, try again later",
					withResponse);
		}
		if (status == 400 || status == 404 || status == 413 || status == 422) {
			String hint = (status == 404) ? "check the model name and 'liaobots.base-urls'" : "fix the request";
			return new LiaobotsInvalidRequestException(summary + "; " + hint, withResponse);
		}
		if (status >= 500) {
			return new LiaobotsServerException(summary + "; the gateway or its provider failed, try again later",
					withResponse);
		}
		return new LiaobotsHttpException(summary, withResponse);
	}

	LiaobotsException fromStreamError(ErrorContext context, StreamErrorEvent event) {
		String message = this.masker.mask(event.getMessage());
		ErrorContext withError = context.withResponse(200, event.errorType(), message, null);
		String summary = "Error event in the stream from " + context.requestLine() + " after "
				+ context.eventsReceived() + " events: "
				+ describe(new ProviderError(event.errorType(), message, null, null));
		if (NO_CREDITS.matcher(String.valueOf(event.errorType()) + " " + message).find()) {
			return new LiaobotsInsufficientCreditsException(summary + "; top up credits and try again", withError);
		}
		String hint = event.retryable() ? "; the error is transient, the call may succeed if sent again"
				: "; sending the same request again will fail the same way";
		return new LiaobotsStreamException(summary + hint, withError, event.retryable());
	}

	/**
	 * Maps a failure that happened before any response arrived.
	 */
	LiaobotsException fromConnectFailure(ErrorContext context, Throwable failure, Duration connectTimeout) {
		Throwable cause = (failure instanceof WebClientRequestException) ? failure.getCause() : failure;
		String where = context.requestLine();
		if (cause instanceof ConnectTimeoutException) {
			return new LiaobotsTimeoutException(
					"No connection to " + context.domain() + " within " + connectTimeout + " for " + where
							+ "; check 'liaobots.base-urls' and the network, or raise "
							+ LiaobotsTimeoutException.Timeout.CONNECT.property(),
					context, LiaobotsTimeoutException.Timeout.CONNECT, connectTimeout);
		}
		String problem;
		if (cause instanceof ConnectException) {
			problem = "connection refused";
		}
		else if (cause instanceof UnknownHostException) {
			problem = "DNS lookup failed for " + context.uri().getHost();
		}
		else if (cause instanceof SSLException) {
			problem = "TLS handshake failed";
		}
		else if (cause instanceof PrematureCloseException) {
			problem = "connection closed before the response; the request may have been processed";
		}
		else {
			problem = "I/O failure before the response";
		}
		String detail = (cause != null && cause.getMessage() != null)
				? " (" + this.masker.mask(cause.getMessage()) + ")" : "";
		return new LiaobotsConnectionException(
				problem + " for " + where + detail + "; check 'liaobots.base-urls' and the network", context, cause);
	}

	static boolean isIoFailure(Throwable failure) {
		return failure instanceof WebClientRequestException || failure instanceof IOException
				|| failure.getCause() instanceof IOException;
	}

	private ProviderError readError(byte[] body, HttpHeaders headers) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			return new ProviderError(null, "empty body", null, null);
		}
		if (text.startsWith("{") || text.startsWith("[")) {
			try {
				return readJsonError(this.mapper.readTree(text));
			}
			catch (JacksonException ex) {
				// Not JSON after all: fall through to the text form.
			}
		}
		String contentType = String.valueOf(headers.getContentType()).toLowerCase(Locale.ROOT);
		if (contentType.contains("html") || text.startsWith("<")) {
			Matcher title = HTML_TITLE.matcher(text);
			String page = title.find() ? "HTML page '" + collapse(title.group(1)) + "'" : "HTML page";
			return new ProviderError(null, page + " instead of JSON (a proxy answered?)", null, null);
		}
		return new ProviderError(null, this.masker.mask(collapse(text)), null, null);
	}

	private ProviderError readJsonError(JsonNode root) {
		if (root.isArray() && !root.isEmpty()) {
			root = root.get(0);
		}
		JsonNode error = root.path("error");
		String requestId = JsonNodes.text(root.get("request_id"));
		if (error.isObject()) {
			String type = firstNonNull(JsonNodes.text(error.get("type")), JsonNodes.text(error.get("status")),
					JsonNodes.text(error.get("code")));
			return new ProviderError(type, this.masker.mask(JsonNodes.text(error.get("message"))), requestId,
					retryDelay(error), errorInfoReason(error));
		}
		if (error.isString()) {
			return new ProviderError(JsonNodes.text(root.get("code")), this.masker.mask(error.asString()), requestId,
					null);
		}
		String message = firstNonNull(JsonNodes.text(root.get("message")), JsonNodes.text(root.get("msg")),
				JsonNodes.text(root.get("detail")));
		String type = JsonNodes.text(root.get("type"));
		if (type == null || "error".equals(type)) {
			type = JsonNodes.text(root.get("code"));
		}
		if (message == null) {
			message = collapse(root.toString());
		}
		return new ProviderError(type, this.masker.mask(message), requestId, null);
	}

	/**
	 * Reads the {@code reason} of Gemini's {@code ErrorInfo} detail, such as
	 * {@code API_KEY_INVALID}.
	 */
	@Nullable private static String errorInfoReason(JsonNode error) {
		for (JsonNode detail : error.path("details")) {
			if (detail.path("@type").asString("").endsWith("ErrorInfo")) {
				return JsonNodes.text(detail.get("reason"));
			}
		}
		return null;
	}

	/**
	 * Reads Gemini's {@code RetryInfo.retryDelay} (such as {@code "38s"}) from error
	 * details.
	 */
	@Nullable private static String retryDelay(JsonNode error) {
		for (JsonNode detail : error.path("details")) {
			if (detail.path("@type").asString("").endsWith("RetryInfo")) {
				return JsonNodes.text(detail.get("retryDelay"));
			}
		}
		return null;
	}

	/**
	 * Returns whether the body reports a rejected key although the status is 400, as
	 * Gemini reports an invalid API key ({@code INVALID_ARGUMENT} with reason
	 * {@code API_KEY_INVALID}).
	 */
	private static boolean isRejectedKey(ProviderError error) {
		return "API_KEY_INVALID".equals(error.reason());
	}

	private static boolean isInsufficientCredits(int status, ProviderError error) {
		if (status == 402 || "billing_error".equals(error.type())) {
			return true;
		}
		return NO_CREDITS.matcher(error.type() + " " + error.message()).find();
	}

	private static String describe(ProviderError error) {
		String message = (error.message() != null) ? error.message() : "no error message";
		return (error.type() != null) ? message + " (" + error.type() + ")" : message;
	}

	private static String reasonPhrase(int status) {
		if (status == 529) {
			return " Overloaded";
		}
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? " " + known.getReasonPhrase() : "";
	}

	private static String collapse(String text) {
		String single = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
		return (single.length() > MAX_DETAIL_LENGTH) ? single.substring(0, MAX_DETAIL_LENGTH) + "..." : single;
	}

	@SafeVarargs
	@Nullable private static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Fields read from an error body.
	 */
	record ProviderError(@Nullable String type, @Nullable String message, @Nullable String requestId,
			@Nullable String retryDelay, @Nullable String reason) {

		ProviderError(@Nullable String type, @Nullable String message, @Nullable String requestId,
				@Nullable String retryDelay) {
			this(type, message, requestId, retryDelay, null);
		}

	}

}
