package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.error.LiaobotsException;

/**
 * Decides before a call whether it may reach the gateway at all, such as the minimum
 * balance check of {@code liaobots.credits.min-balance}.
 */
@FunctionalInterface
public interface CallGuard {

	/** A guard that lets every call through. */
	CallGuard NONE = (request) -> null;

	/**
	 * Checks a call before it is sent.
	 * @param request the call
	 * @return the error to fail the call with, or {@code null} to send it
	 */
	@Nullable LiaobotsException check(GatewayRequest request);

}
