package work.liaobots.spring.error;

/**
 * The gateway or the provider behind it failed (HTTP 5xx other than 529).
 */
public class LiaobotsServerException extends LiaobotsException {

	public LiaobotsServerException(String message, ErrorContext context) {
		super(message, context);
	}

	/**
	 * Returns {@code true} for 500, 502, 503 and 504; a 501 or 505 will fail again.
	 */
	@Override
	public boolean isRetryable() {
		int status = status();
		return status == 500 || status == 502 || status == 503 || status == 504;
	}

}
