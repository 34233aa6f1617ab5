package work.liaobots.spring.autoconfigure;

/**
 * Thrown at start-up when no auth code is configured;
 * {@link LiaobotsAuthcodeMissingFailureAnalyzer} explains how to set one.
 */
public class LiaobotsAuthcodeMissingException extends IllegalStateException {

	public LiaobotsAuthcodeMissingException() {
		super("No Liaobots auth code: 'liaobots.authcode' is not set (or blank) and neither is LIAOBOTS_AUTHCODE");
	}

}
