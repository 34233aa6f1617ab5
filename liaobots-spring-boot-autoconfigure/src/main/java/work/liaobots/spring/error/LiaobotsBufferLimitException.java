package work.liaobots.spring.error;

/**
 * A response body or a single stream event exceeded {@code liaobots.max-in-memory-size}.
 */
public class LiaobotsBufferLimitException extends LiaobotsException {

	private final long limit;

	public LiaobotsBufferLimitException(String message, ErrorContext context, long limit) {
		super(message, context);
		this.limit = limit;
	}

	/**
	 * Returns the configured limit in bytes.
	 * @return the limit
	 */
	public long limit() {
		return this.limit;
	}

}
