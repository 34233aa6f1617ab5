package work.liaobots.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * A successful status with a body that is not what the format promises: an HTML page from
 * a proxy, an empty body, JSON that does not parse, or the wrong content type.
 */
public class LiaobotsUnexpectedResponseException extends LiaobotsException {

	public LiaobotsUnexpectedResponseException(String message, ErrorContext context, @Nullable Throwable cause) {
		super(message, context, cause);
	}

}
