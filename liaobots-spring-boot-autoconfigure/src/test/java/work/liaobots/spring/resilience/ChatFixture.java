package work.liaobots.spring.resilience;

import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import work.liaobots.spring.chat.ChatCompletion;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayTransport;

final class ChatFixture implements FormatFixture {

	@Override
	public String name() {
		return "chat completions";
	}

	@Override
	public StubRoute callRoute() {
		return StubRoute.CHAT_COMPLETIONS;
	}

	@Override
	public StubRoute streamRoute() {
		return StubRoute.CHAT_COMPLETIONS;
	}

	@Override
	public Mono<?> call(GatewayTransport transport, CallOptions options) {
		return new ChatCompletionsService(transport, "m").create(ChatCompletionRequest.of(null, "Hi"), options);
	}

	@Override
	public Flux<?> stream(GatewayTransport transport, CallOptions options) {
		return new ChatCompletionsService(transport, "m").stream(ChatCompletionRequest.of(null, "Hi"), options);
	}

	@Override
	public String callBody() {
		return StubPayloads.chatCompletion("m", "ok", 1, 1);
	}

	@Override
	public StubResponse.SseBuilder textEvents(StubResponse.SseBuilder stream, int count) {
		for (int i = 0; i < count; i++) {
			stream.data(StubPayloads.chatChunk("t" + i));
		}
		return stream;
	}

	@Override
	public StubResponse.SseBuilder terminal(StubResponse.SseBuilder stream) {
		return stream.data(StubPayloads.chatFinishChunk("stop")).done();
	}

	@Override
	public StubResponse.SseBuilder errorEvent(StubResponse.SseBuilder stream, String type, String message) {
		return stream.data(StubPayloads.openAiError(type, message));
	}

	@Override
	public String overloadedType() {
		return "server_error";
	}

	@Override
	public Optional<String> partialText(LiaobotsException error) {
		return error.partialResult(ChatCompletion.class).map(ChatCompletion::text);
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
