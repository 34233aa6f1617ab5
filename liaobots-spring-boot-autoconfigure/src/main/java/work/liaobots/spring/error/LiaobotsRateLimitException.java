package work.liaobots.spring.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The gateway rate-limited the call (HTTP 429), with the wait it requested if it gave
 * one.
 */
public class LiaobotsRateLimitException extends LiaobotsException {

	@Nullable private final Duration retryAfter;

	public LiaobotsRateLimitException(String message, ErrorContext context, @Nullable Duration retryAfter) {
		super(message, context);
		this.retryAfter = retryAfter;
	}

	/**
	 * Returns the wait the server requested through {@code Retry-After} or
	 * {@code retry-after-ms}.
	 * @return the wait, or empty when the response had none
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
