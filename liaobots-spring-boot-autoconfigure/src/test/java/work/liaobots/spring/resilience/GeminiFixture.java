package work.liaobots.spring.resilience;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.gemini.GenerateContentResponse;
import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayTransport;

/**
 * Gemini streams have no terminal event: the chunk with {@code finishReason} ends them,
 * and events are framed with CRLF as Google's {@code alt=sse} is reported to send.
 */
final class GeminiFixture implements FormatFixture {

	@Override
	public String name() {
		return "gemini";
	}

	@Override
	public StubRoute callRoute() {
		return StubRoute.GEMINI_GENERATE;
	}

	@Override
	public StubRoute streamRoute() {
		return StubRoute.GEMINI_STREAM;
	}

	@Override
	public Mono<?> call(GatewayTransport transport, CallOptions options) {
		return new GeminiService(transport, "gemini-x").create(GenerateContentRequest.of("Hi"), options);
	}

	@Override
	public Flux<?> stream(GatewayTransport transport, CallOptions options) {
		return new GeminiService(transport, "gemini-x").stream(GenerateContentRequest.of("Hi"), options);
	}

	@Override
	public String callBody() {
		return StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("ok")), "STOP",
				StubGeminiPayloads.usage(1, 1, 0));
	}

	@Override
	public StubResponse.SseBuilder textEvents(StubResponse.SseBuilder stream, int count) {
		stream.crlf();
		for (int i = 0; i < count; i++) {
			stream.data(StubGeminiPayloads.textChunk("t" + i));
		}
		return stream;
	}

	@Override
	public StubResponse.SseBuilder terminal(StubResponse.SseBuilder stream) {
		return stream.crlf()
			.data(StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("")), "STOP",
					StubGeminiPayloads.usage(3, 4, 0)));
	}

	@Override
	public StubResponse.SseBuilder errorEvent(StubResponse.SseBuilder stream, String type, String message) {
		return stream.crlf()
			.data("{\"error\":{\"code\":503,\"message\":\"" + message + "\",\"status\":\"" + type + "\"}}");
	}

	@Override
	public String overloadedType() {
		return "UNAVAILABLE";
	}

	@Override
	public Optional<String> partialText(LiaobotsException error) {
		return error.partialResult(GenerateContentResponse.class).map(GenerateContentResponse::text);
	}

	@Override
	public int eventsSeen(int textEvents) {
		return textEvents + 1;
	}

	@Override
	public String toString() {
		return name();
	}

}
