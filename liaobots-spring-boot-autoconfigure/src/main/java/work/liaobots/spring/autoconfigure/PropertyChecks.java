package work.liaobots.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Checks the numeric {@code liaobots.*} settings at start-up, so a value out of range
 * fails with the property's name instead of a stack trace from deep in a bean, or a
 * negative timeout that would fail every call.
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	static void check(LiaobotsProperties properties) {
		LiaobotsProperties.Timeouts timeouts = properties.getTimeouts();
		positive("liaobots.timeouts.connect", timeouts.getConnect());
		positive("liaobots.timeouts.response", timeouts.getResponse());
		positive("liaobots.timeouts.first-event", timeouts.getFirstEvent());
		positive("liaobots.timeouts.idle", timeouts.getIdle());
		if (timeouts.getTotal() != null) {
			positive("liaobots.timeouts.total", timeouts.getTotal());
		}
		LiaobotsProperties.Retry retry = properties.getRetry();
		atLeast("liaobots.retry.max-attempts", retry.getMaxAttempts(), 1);
		notNegative("liaobots.retry.initial-backoff", retry.getInitialBackoff());
		notNegative("liaobots.retry.max-backoff", retry.getMaxBackoff());
		notNegative("liaobots.retry.max-retry-after", retry.getMaxRetryAfter());
		if (retry.getJitter() < 0 || retry.getJitter() > 1) {
			throw invalid("liaobots.retry.jitter", retry.getJitter(), "The jitter must be between 0 and 1");
		}
		notNegative("liaobots.failover.cooldown", properties.getFailover().getCooldown());
		positive("liaobots.max-in-memory-size", properties.getMaxInMemorySize());
		atLeast("liaobots.credits.page-size", properties.getCredits().getPageSize(), 1);
		notNegative("liaobots.health.ttl", properties.getHealth().getTtl());
		positive("liaobots.health.timeout", properties.getHealth().getTimeout());
		atLeast("liaobots.messages.default-max-tokens", properties.getMessages().getDefaultMaxTokens(), 1);
		LiaobotsProperties.Pool pool = properties.getPool();
		atLeast("liaobots.pool.max-connections", pool.getMaxConnections(), 1);
		positive("liaobots.pool.max-idle-time", pool.getMaxIdleTime());
		positive("liaobots.pool.max-life-time", pool.getMaxLifeTime());
		positive("liaobots.pool.eviction-interval", pool.getEvictionInterval());
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(name, value, "The duration must be positive, such as 30s");
		}
	}

	private static void notNegative(String name, Duration value) {
		if (value.isNegative()) {
			throw invalid(name, value, "The duration must not be negative");
		}
	}

	private static void positive(String name, DataSize value) {
		if (value.toBytes() <= 0) {
			throw invalid(name, value, "The size must be positive, such as 64MB");
		}
	}

	private static void atLeast(String name, int value, int minimum) {
		if (value < minimum) {
			throw invalid(name, value, "The value must be at least " + minimum);
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, @Nullable Object value,
			String reason) {
		return new InvalidConfigurationPropertyValueException(name, value, reason);
	}

}
