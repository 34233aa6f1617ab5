package work.liaobots.spring.error;

/**
 * The gateway rejected the request itself (HTTP 400, 404, 413 or 422): fix the request
 * before sending it again.
 */
public class LiaobotsInvalidRequestException extends LiaobotsException {

	public LiaobotsInvalidRequestException(String message, ErrorContext context) {
		super(message, context);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
