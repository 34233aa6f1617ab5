package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;

import work.liaobots.spring.error.LiaobotsException;

/**
 * Receives what happens during one call, for metrics and tracing. Every method has an
 * empty default; the transport calls them from whichever thread the call runs on, one at
 * a time.
 */
public interface CallObservation {

	/** An observation that records nothing. */
	CallObservation NOOP = new CallObservation() {
	};

	/**
	 * Called before each attempt with the domain it goes to.
	 * @param domain the domain
	 */
	default void attempt(Domain domain) {
	}

	/**
	 * Called when a failed attempt is retried on the same domain.
	 * @param domain the domain
	 * @param cause the failure
	 */
	default void retry(Domain domain, LiaobotsException cause) {
	}

	/**
	 * Called when the call moves to another domain.
	 * @param from the domain that failed
	 * @param to the next domain
	 * @param cause the failure
	 */
	default void failover(Domain from, Domain to, LiaobotsException cause) {
	}

	/**
	 * Called when a stream delivers its first event to the caller.
	 */
	default void firstEvent() {
	}

	/**
	 * Called when the call succeeded.
	 * @param result the response, or for a stream the accumulated result
	 */
	default void success(@Nullable Object result) {
	}

	/**
	 * Called when the call failed.
	 * @param error the error
	 * @param partialResult what a stream delivered before the failure, or {@code null}
	 */
	default void failure(Throwable error, @Nullable Object partialResult) {
	}

	/**
	 * Called when the caller cancelled the call.
	 * @param partialResult what a stream delivered before, or {@code null}
	 */
	default void cancel(@Nullable Object partialResult) {
	}

	/**
	 * Adds what the call's HTTP exchanges need to the Reactor context, such as the
	 * current observation so WebClient's own observation becomes its child.
	 * @param context the subscriber context
	 * @return the context to use
	 */
	default Context contextWrite(Context context) {
		return context;
	}

}
