package work.liaobots.spring.transport;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The limits one call runs with: the configured ones with per-call overrides applied.
 */
record EffectiveOptions(Duration connect, Duration response, Duration firstEvent, Duration idle,
		@Nullable Duration total, int maxAttempts, RetryPolicy retry) {

	static EffectiveOptions of(TransportSettings settings, CallOptions overrides) {
		TransportSettings.Timeouts timeouts = settings.timeouts();
		TransportSettings.Retry retry = settings.retry();
		return new EffectiveOptions(timeouts.connect(), orElse(overrides.responseTimeout(), timeouts.response()),
				orElse(overrides.firstEventTimeout(), timeouts.firstEvent()),
				orElse(overrides.idleTimeout(), timeouts.idle()), orElse(overrides.totalTimeout(), timeouts.total()),
				orElse(overrides.maxAttempts(), retry.maxAttempts()),
				new RetryPolicy(retry.initialBackoff(), retry.maxBackoff(), retry.jitter(), retry.maxRetryAfter()));
	}

	private static <T> T orElse(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	record RetryPolicy(Duration initialBackoff, Duration maxBackoff, double jitter, Duration maxRetryAfter) {

	}

}
