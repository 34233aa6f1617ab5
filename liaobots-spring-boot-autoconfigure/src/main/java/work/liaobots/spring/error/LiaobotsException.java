package work.liaobots.spring.error;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.transport.ApiFormat;

/**
 * Base of every error the Liaobots clients signal.
 * <p>
 * Subclasses name the kind of failure so callers can branch on the type; the
 * {@link #context() context} carries the format, HTTP status, provider error type and
 * message, request id and domain. Messages never contain the auth code.
 */
public class LiaobotsException extends RuntimeException {

	private final ErrorContext context;

	public LiaobotsException(String message, ErrorContext context) {
		this(message, context, null);
	}

	public LiaobotsException(String message, ErrorContext context, @Nullable Throwable cause) {
		super(message, cause);
		this.context = context;
	}

	public ErrorContext context() {
		return this.context;
	}

	public ApiFormat format() {
		return this.context.format();
	}

	/**
	 * Returns the HTTP status of the failed response.
	 * @return the status, or 0 when no response was received
	 */
	public int status() {
		return this.context.status();
	}

	@Nullable public String errorType() {
		return this.context.errorType();
	}

	@Nullable public String providerMessage() {
		return this.context.providerMessage();
	}

	@Nullable public String requestId() {
		return this.context.requestId();
	}

	/**
	 * Returns the domain the failed call went to, such as
	 * {@code https://ai.liaobots.work}.
	 * @return the domain, or {@code null} when no domain was chosen
	 */
	@Nullable public String domain() {
		return this.context.domain();
	}

	/**
	 * Returns what a stream delivered before it failed, folded into the same type the
	 * non-streaming call returns.
	 * @param <T> the result type
	 * @param type the result type, such as {@code ChatCompletion.class}
	 * @return the partial result, or empty when the call did not stream or the type
	 * differs
	 */
	public <T> Optional<T> partialResult(Class<T> type) {
		Object partial = this.context.partialResult();
		return type.isInstance(partial) ? Optional.of(type.cast(partial)) : Optional.empty();
	}

	/**
	 * Returns whether the same request may succeed when sent again.
	 * @return {@code true} for transient failures
	 */
	public boolean isRetryable() {
		return false;
	}

}
