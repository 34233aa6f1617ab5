package work.liaobots.spring.error;

/**
 * The server sent an error event inside a stream that had started with HTTP 200.
 * <p>
 * {@link #errorType()} holds the provider's type (for example {@code overloaded_error});
 * {@link #partialResult(Class)} holds what arrived before the error.
 */
public class LiaobotsStreamException extends LiaobotsException {

	private final boolean retryable;

	public LiaobotsStreamException(String message, ErrorContext context, boolean retryable) {
		super(message, context);
		this.retryable = retryable;
	}

	@Override
	public boolean isRetryable() {
		return this.retryable;
	}

}
