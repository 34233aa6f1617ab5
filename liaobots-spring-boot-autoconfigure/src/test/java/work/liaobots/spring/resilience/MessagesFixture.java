package work.liaobots.spring.resilience;

import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.messages.Message;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessagesService;
import work.liaobots.spring.test.StubMessagesPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayTransport;

final class MessagesFixture implements FormatFixture {

	@Override
	public String name() {
		return "anthropic messages";
	}

	@Override
	public StubRoute callRoute() {
		return StubRoute.MESSAGES;
	}

	@Override
	public StubRoute streamRoute() {
		return StubRoute.MESSAGES;
	}

	@Override
	public Mono<?> call(GatewayTransport transport, CallOptions options) {
		return service(transport).create(MessageRequest.of(null, "Hi"), options);
	}

	@Override
	public Flux<?> stream(GatewayTransport transport, CallOptions options) {
		return service(transport).stream(MessageRequest.of(null, "Hi"), options);
	}

	private static MessagesService service(GatewayTransport transport) {
		return new MessagesService(transport, "claude-x", 1024, "2023-06-01");
	}

	@Override
	public String callBody() {
		return StubMessagesPayloads.message("claude-x", "ok", 1, 1);
	}

	@Override
	public StubResponse.SseBuilder textEvents(StubResponse.SseBuilder stream, int count) {
		stream.event("message_start", StubMessagesPayloads.messageStart("claude-x", 10))
			.event("content_block_start", StubMessagesPayloads.textBlockStart(0));
		for (int i = 0; i < count; i++) {
			stream.event("content_block_delta", StubMessagesPayloads.textDelta(0, "t" + i));
		}
		return stream;
	}

	@Override
	public StubResponse.SseBuilder terminal(StubResponse.SseBuilder stream) {
		return stream.event("content_block_stop", StubMessagesPayloads.contentBlockStop(0))
			.event("message_delta", StubMessagesPayloads.messageDelta("end_turn", 5))
			.event("message_stop", StubMessagesPayloads.messageStop());
	}

	@Override
	public StubResponse.SseBuilder errorEvent(StubResponse.SseBuilder stream, String type, String message) {
		return stream.event("error", StubMessagesPayloads.errorEvent(type, message));
	}

	@Override
	public String overloadedType() {
		return "overloaded_error";
	}

	@Override
	public Optional<String> partialText(LiaobotsException error) {
		return error.partialResult(Message.class).map(Message::text);
	}

	@Override
	public int eventsSeen(int textEvents) {
		return 2 + textEvents + 3;
	}

	@Override
	public String toString() {
		return name();
	}

}
