package work.liaobots.spring.error;

/**
 * A non-2xx response that no more specific type covers, such as 408, 409, 405 or a
 * redirect that was not followed.
 */
public class LiaobotsHttpException extends LiaobotsException {

	public LiaobotsHttpException(String message, ErrorContext context) {
		super(message, context);
	}

	/**
	 * Returns {@code true} for 408 Request Timeout and 409 Conflict.
	 */
	@Override
	public boolean isRetryable() {
		return status() == 408 || status() == 409;
	}

}
