package work.liaobots.spring.error;

/**
 * An I/O failure talking to one domain: connection refused or reset, DNS or TLS failure,
 * or a connection closed before the response.
 */
public class LiaobotsConnectionException extends LiaobotsException {

	public LiaobotsConnectionException(String message, ErrorContext context, Throwable cause) {
		super(message, context, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
