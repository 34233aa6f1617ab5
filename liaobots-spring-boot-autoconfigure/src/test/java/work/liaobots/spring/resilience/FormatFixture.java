package work.liaobots.spring.resilience;

import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayTransport;

/**
 * What the fault-injection suite needs to know of one format: how to call it and what its
 * streams look like on the wire.
 */
interface FormatFixture {

	String name();

	StubRoute callRoute();

	StubRoute streamRoute();

	/**
	 * Makes a non-streaming call.
	 */
	Mono<?> call(GatewayTransport transport, CallOptions options);

	/**
	 * Makes a streaming call.
	 */
	Flux<?> stream(GatewayTransport transport, CallOptions options);

	/**
	 * Returns a successful non-streaming body.
	 */
	String callBody();

	/**
	 * Adds the stream's opening events and {@code count} text events with the texts
	 * {@code t0}, {@code t1}, ... and no terminal signal.
	 */
	StubResponse.SseBuilder textEvents(StubResponse.SseBuilder stream, int count);

	/**
	 * Adds what ends the stream: the format's terminal signal (for Gemini, the chunk with
	 * {@code finishReason}).
	 */
	StubResponse.SseBuilder terminal(StubResponse.SseBuilder stream);

	/**
	 * Adds an error event of the given provider error type.
	 */
	StubResponse.SseBuilder errorEvent(StubResponse.SseBuilder stream, String type, String message);

	/**
	 * Returns the provider error type the format uses for an overload.
	 */
	String overloadedType();

	/**
	 * Returns the text of the partial result an error carries.
	 */
	Optional<String> partialText(LiaobotsException error);

	/**
	 * Returns how many typed events the caller sees for {@code textEvents(count)} plus
	 * the terminal.
	 */
	int eventsSeen(int textEvents);

	default StubResponse completeStream(int textEvents) {
		return terminal(textEvents(StubResponse.sse(), textEvents)).build();
	}

}
