package work.liaobots.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * A stream ended before its format's terminal signal: the connection closed or was reset
 * mid-stream. {@link #partialResult(Class)} holds what arrived.
 */
public class LiaobotsIncompleteStreamException extends LiaobotsException {

	public LiaobotsIncompleteStreamException(String message, ErrorContext context, @Nullable Throwable cause) {
		super(message, context, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
