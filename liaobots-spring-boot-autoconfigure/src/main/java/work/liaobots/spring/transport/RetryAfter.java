package work.liaobots.spring.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the wait a server requests before the next attempt.
 * <p>
 * Sources in order: {@code retry-after-ms} (milliseconds, sent by OpenAI and Anthropic),
 * {@code Retry-After} as seconds or as an HTTP date, then Gemini's
 * {@code RetryInfo.retryDelay} from the error body (such as {@code "38s"}).
 */
final class RetryAfter {

	private RetryAfter() {
	}

	@Nullable static Duration parse(HttpHeaders headers, @Nullable String bodyRetryDelay) {
		return parse(headers, bodyRetryDelay, Clock.systemUTC());
	}

	@Nullable static Duration parse(HttpHeaders headers, @Nullable String bodyRetryDelay, Clock clock) {
		Duration milliseconds = seconds(headers.getFirst("retry-after-ms"), 0.001);
		if (milliseconds != null) {
			return milliseconds;
		}
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		Duration seconds = seconds(retryAfter, 1);
		if (seconds != null) {
			return seconds;
		}
		Duration untilDate = untilDate(retryAfter, clock);
		if (untilDate != null) {
			return untilDate;
		}
		if (bodyRetryDelay != null && bodyRetryDelay.endsWith("s")) {
			return seconds(bodyRetryDelay.substring(0, bodyRetryDelay.length() - 1), 1);
		}
		return null;
	}

	@Nullable private static Duration seconds(@Nullable String value, double unitInSeconds) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double amount = Double.parseDouble(value.strip()) * unitInSeconds;
			if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
				return null;
			}
			return Duration.ofNanos((long) Math.min(amount * 1_000_000_000d, Long.MAX_VALUE));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Nullable private static Duration untilDate(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), date.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
