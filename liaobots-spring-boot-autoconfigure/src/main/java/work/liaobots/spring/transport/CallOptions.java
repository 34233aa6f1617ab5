package work.liaobots.spring.transport;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Per-call overrides of the configured time limits and retry attempts; a {@code null}
 * value keeps the configured one. The connect timeout belongs to the connection pool and
 * has no per-call override.
 *
 * @param responseTimeout time to the response headers
 * @param firstEventTimeout time from the headers to the first stream event
 * @param idleTimeout time between two stream reads
 * @param totalTimeout time for the whole call with retries
 * @param maxAttempts the most attempts on one domain
 */
public record CallOptions(@Nullable Duration responseTimeout, @Nullable Duration firstEventTimeout,
		@Nullable Duration idleTimeout, @Nullable Duration totalTimeout, @Nullable Integer maxAttempts) {

	private static final CallOptions DEFAULTS = new CallOptions(null, null, null, null, null);

	public CallOptions {
		requirePositive(responseTimeout, "responseTimeout");
		requirePositive(firstEventTimeout, "firstEventTimeout");
		requirePositive(idleTimeout, "idleTimeout");
		requirePositive(totalTimeout, "totalTimeout");
		Assert.isTrue(maxAttempts == null || maxAttempts >= 1,
				() -> "'maxAttempts' must be at least 1, was " + maxAttempts);
	}

	private static void requirePositive(@Nullable Duration timeout, String name) {
		Assert.isTrue(timeout == null || (!timeout.isNegative() && !timeout.isZero()),
				() -> "'" + name + "' must be positive, was " + timeout);
	}

	/**
	 * Returns options that keep every configured value.
	 * @return the default options
	 */
	public static CallOptions defaults() {
		return DEFAULTS;
	}

	public CallOptions withResponseTimeout(Duration timeout) {
		return new CallOptions(timeout, this.firstEventTimeout, this.idleTimeout, this.totalTimeout, this.maxAttempts);
	}

	public CallOptions withFirstEventTimeout(Duration timeout) {
		return new CallOptions(this.responseTimeout, timeout, this.idleTimeout, this.totalTimeout, this.maxAttempts);
	}

	public CallOptions withIdleTimeout(Duration timeout) {
		return new CallOptions(this.responseTimeout, this.firstEventTimeout, timeout, this.totalTimeout,
				this.maxAttempts);
	}

	public CallOptions withTotalTimeout(Duration timeout) {
		return new CallOptions(this.responseTimeout, this.firstEventTimeout, this.idleTimeout, timeout,
				this.maxAttempts);
	}

	/**
	 * Returns a copy that makes at most {@code attempts} attempts per domain; 1 disables
	 * retries.
	 * @param attempts the most attempts, the first included
	 * @return the new options
	 */
	public CallOptions withMaxAttempts(int attempts) {
		return new CallOptions(this.responseTimeout, this.firstEventTimeout, this.idleTimeout, this.totalTimeout,
				attempts);
	}

}
