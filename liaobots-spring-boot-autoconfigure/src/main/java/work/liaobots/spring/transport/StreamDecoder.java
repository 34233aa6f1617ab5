package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;

/**
 * Reads one format's stream: turns each server-sent event into a typed event and applies
 * the format's terminal rule. One instance reads one response.
 *
 * @param <E> the event type
 */
public interface StreamDecoder<E> {

	/**
	 * Decodes one event.
	 * @param eventName the SSE {@code event} field, or {@code null}
	 * @param data the event data, valid only during this call
	 * @return the typed event, or {@code null} for an event the caller does not see (the
	 * {@code [DONE]} marker)
	 * @throws StreamErrorEvent when the event reports an error
	 */
	@Nullable E decode(@Nullable String eventName, SseData data);

	/**
	 * Returns whether the format's terminal signal arrived; the transport stops reading
	 * then, even when the server keeps the connection open.
	 * @return {@code true} after the terminal signal
	 */
	boolean isTerminated();

	/**
	 * Returns whether what arrived so far is a complete answer by the format's rule;
	 * asked when the body ends (or stays silent) without a terminal signal.
	 * @return {@code true} if ending here loses nothing
	 */
	boolean isComplete();

	/**
	 * Returns whether the format ends its streams with a terminal signal. A format
	 * without one (Gemini) is complete once an event says so, and the transport then
	 * waits only a short grace for more data instead of the whole idle limit.
	 * @return {@code true} if the format has a terminal signal
	 */
	default boolean hasTerminalSignal() {
		return true;
	}

	/**
	 * Returns what arrived so far, folded into the non-streaming result type, for errors.
	 * @return the partial result, or {@code null}
	 */
	@Nullable Object partialResult();

}
