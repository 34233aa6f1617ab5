package work.liaobots.spring.error;

import java.time.Duration;

/**
 * A configured time limit fired; {@link #timeout()} says which one and {@link #limit()}
 * its value.
 */
public class LiaobotsTimeoutException extends LiaobotsException {

	private final Timeout timeout;

	private final Duration limit;

	public LiaobotsTimeoutException(String message, ErrorContext context, Timeout timeout, Duration limit) {
		super(message, context);
		this.timeout = timeout;
		this.limit = limit;
	}

	public Timeout timeout() {
		return this.timeout;
	}

	public Duration limit() {
		return this.limit;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

	/**
	 * The time limits a call has.
	 */
	public enum Timeout {

		/** Time to open a TCP (and TLS) connection. */
		CONNECT("liaobots.timeouts.connect"),

		/** Time from sending the request to the response headers. */
		RESPONSE("liaobots.timeouts.response"),

		/** Time from the response headers to the first stream event. */
		FIRST_EVENT("liaobots.timeouts.first-event"),

		/** Time between two stream reads once the first event arrived. */
		IDLE("liaobots.timeouts.idle"),

		/** Time for the whole call, retries included. */
		TOTAL("liaobots.timeouts.total");

		private final String property;

		Timeout(String property) {
			this.property = property;
		}

		/**
		 * Returns the configuration property that sets this limit.
		 * @return the property name
		 */
		public String property() {
			return this.property;
		}

	}

}
