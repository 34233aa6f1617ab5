package work.liaobots.spring.error;

/**
 * The auth code has too few credits left for the call, as signalled by the gateway or by
 * the configured minimum balance.
 */
public class LiaobotsInsufficientCreditsException extends LiaobotsException {

	public LiaobotsInsufficientCreditsException(String message, ErrorContext context) {
		super(message, context);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
