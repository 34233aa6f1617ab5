package work.liaobots.spring.error;

/**
 * The gateway rejected the auth code (HTTP 401 or 403).
 */
public class LiaobotsAuthenticationException extends LiaobotsException {

	public LiaobotsAuthenticationException(String message, ErrorContext context) {
		super(message, context);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
