package work.liaobots.spring.error;

/**
 * The provider behind the gateway is overloaded (HTTP 529, or an
 * {@code overloaded_error}).
 */
public class LiaobotsOverloadedException extends LiaobotsException {

	public LiaobotsOverloadedException(String message, ErrorContext context) {
		super(message, context);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
