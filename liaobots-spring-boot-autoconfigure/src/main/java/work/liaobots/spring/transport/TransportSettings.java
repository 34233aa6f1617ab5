package work.liaobots.spring.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Everything the transport needs to know, resolved from {@code liaobots.*} properties.
 *
 * @param authcode the auth code sent on every call
 * @param baseUrls the domains in order of preference
 * @param timeouts the default time limits
 * @param retry the default retry policy
 * @param cooldown how long a failed domain is skipped
 * @param maxInMemorySize the largest response body or stream event held in memory, in
 * bytes
 */
public record TransportSettings(String authcode, List<URI> baseUrls, Timeouts timeouts, Retry retry, Duration cooldown,
		long maxInMemorySize) {

	public TransportSettings {
		Assert.hasText(authcode, "'authcode' must not be empty");
		Assert.notEmpty(baseUrls, "'baseUrls' must not be empty");
		baseUrls = List.copyOf(baseUrls);
	}

	@Override
	public String toString() {
		return "TransportSettings[baseUrls=" + this.baseUrls + ", timeouts=" + this.timeouts + ", retry=" + this.retry
				+ ", cooldown=" + this.cooldown + ", maxInMemorySize=" + this.maxInMemorySize + ", authcode=******]";
	}

	/**
	 * Time limits of a call.
	 *
	 * @param connect time to open a connection
	 * @param response time from sending the request to the response headers (for a
	 * non-streaming call, to the whole body)
	 * @param firstEvent time from the response headers to the first stream event
	 * @param idle time between two reads of a stream once the first event arrived
	 * @param total time for the whole call with its retries, or {@code null} for no limit
	 */
	public record Timeouts(Duration connect, Duration response, Duration firstEvent, Duration idle,
			@Nullable Duration total) {

	}

	/**
	 * Retry policy of a call.
	 *
	 * @param maxAttempts the most attempts on one domain, the first included
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the largest wait between two attempts
	 * @param jitter the fraction of each wait that is random, from 0 to 1
	 * @param maxRetryAfter the longest server-requested wait the client honours; a longer
	 * one fails the call at once
	 */
	public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
			Duration maxRetryAfter) {

		public Retry {
			Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
			Assert.isTrue(jitter >= 0 && jitter <= 1, "'jitter' must be between 0 and 1");
		}

	}

}
