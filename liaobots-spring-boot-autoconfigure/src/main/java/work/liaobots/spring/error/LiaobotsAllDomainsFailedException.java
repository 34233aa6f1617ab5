package work.liaobots.spring.error;

import java.util.List;

/**
 * Every configured domain failed for one call. {@link #failures()} lists each domain's
 * last error in the order the domains were tried; each is also a suppressed exception.
 */
public class LiaobotsAllDomainsFailedException extends LiaobotsException {

	private final List<LiaobotsException> failures;

	public LiaobotsAllDomainsFailedException(String message, ErrorContext context, List<LiaobotsException> failures) {
		super(message, context);
		this.failures = List.copyOf(failures);
		this.failures.forEach(this::addSuppressed);
	}

	public List<LiaobotsException> failures() {
		return this.failures;
	}

	@Override
	public boolean isRetryable() {
		return this.failures.stream().anyMatch(LiaobotsException::isRetryable);
	}

}
