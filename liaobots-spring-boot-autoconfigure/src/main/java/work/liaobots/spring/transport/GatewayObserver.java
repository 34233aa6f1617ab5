package work.liaobots.spring.transport;

/**
 * Starts a {@link CallObservation} for each call the transport makes.
 */
@FunctionalInterface
public interface GatewayObserver {

	/** An observer that records nothing. */
	GatewayObserver NOOP = (request) -> CallObservation.NOOP;

	/**
	 * Starts observing a call.
	 * @param request the call
	 * @return the observation of this call
	 */
	CallObservation start(GatewayRequest request);

}
