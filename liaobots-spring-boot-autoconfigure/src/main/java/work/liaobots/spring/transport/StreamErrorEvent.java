package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link StreamDecoder} when the server sends an error event inside a stream;
 * the transport turns it into a
 * {@link work.liaobots.spring.error.LiaobotsStreamException} carrying the partial result.
 */
public final class StreamErrorEvent extends RuntimeException {

	@Nullable private final String errorType;

	private final boolean retryable;

	/**
	 * Creates an error event.
	 * @param errorType the provider's error type, such as {@code overloaded_error}
	 * @param message the provider's message
	 * @param retryable whether the same request may succeed when sent again
	 */
	public StreamErrorEvent(@Nullable String errorType, String message, boolean retryable) {
		super(message, null, false, false);
		this.errorType = errorType;
		this.retryable = retryable;
	}

	@Nullable public String errorType() {
		return this.errorType;
	}

	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * Returns whether an error type names a transient failure: overload, rate limit,
	 * server or timeout errors, as OpenAI, Anthropic and Gemini name them.
	 * @param errorType the provider's error type or status
	 * @return {@code true} for transient failures
	 */
	public static boolean isTransient(@Nullable String errorType) {
		if (errorType == null) {
			return false;
		}
		return switch (errorType) {
			case "overloaded_error", "api_error", "server_error", "rate_limit_error", "rate_limit_exceeded",
					"timeout_error", "internal_error", "UNAVAILABLE", "INTERNAL", "RESOURCE_EXHAUSTED",
					"DEADLINE_EXCEEDED", "500", "502", "503", "504", "529" ->
				true;
			default -> false;
		};
	}

}
