package work.liaobots.spring.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.responses.Response;
import work.liaobots.spring.responses.ResponseRequest;
import work.liaobots.spring.responses.ResponsesService;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubResponsesPayloads;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayTransport;

final class ResponsesFixture implements FormatFixture {

	private static final String ITEM = StubResponsesPayloads.MESSAGE_ID;

	@Override
	public String name() {
		return "openai responses";
	}

	@Override
	public StubRoute callRoute() {
		return StubRoute.RESPONSES;
	}

	@Override
	public StubRoute streamRoute() {
		return StubRoute.RESPONSES;
	}

	@Override
	public Mono<?> call(GatewayTransport transport, CallOptions options) {
		return new ResponsesService(transport, "gpt-x").create(ResponseRequest.of(null, "Hi"), options);
	}

	@Override
	public Flux<?> stream(GatewayTransport transport, CallOptions options) {
		return new ResponsesService(transport, "gpt-x").stream(ResponseRequest.of(null, "Hi"), options);
	}

	@Override
	public String callBody() {
		return StubResponsesPayloads.response("gpt-x", "ok", 1, 1);
	}

	@Override
	public StubResponse.SseBuilder textEvents(StubResponse.SseBuilder stream, int count) {
		List<String> events = new ArrayList<>();
		events.add(StubResponsesPayloads.created("gpt-x"));
		events.add(StubResponsesPayloads.messageAdded(0, ITEM));
		events.add(StubResponsesPayloads.textPartAdded(ITEM, 0, 0));
		for (int i = 0; i < count; i++) {
			events.add(StubResponsesPayloads.textDelta(ITEM, 0, 0, "t" + i));
		}
		return add(stream, events);
	}

	@Override
	public StubResponse.SseBuilder terminal(StubResponse.SseBuilder stream) {
		return add(stream,
				List.of(StubResponsesPayloads.completed(StubResponsesPayloads.response("gpt-x", "done", 1, 1))));
	}

	@Override
	public StubResponse.SseBuilder errorEvent(StubResponse.SseBuilder stream, String type, String message) {
		return add(stream, List.of(StubResponsesPayloads.error(type, message)));
	}

	private static StubResponse.SseBuilder add(StubResponse.SseBuilder stream, List<String> events) {
		for (String event : events) {
			stream.event(StubResponsesPayloads.typeOf(event), event);
		}
		return stream;
	}

	@Override
	public String overloadedType() {
		return "server_error";
	}

	@Override
	public Optional<String> partialText(LiaobotsException error) {
		return error.partialResult(Response.class).map(Response::outputText);
	}

	@Override
	public int eventsSeen(int textEvents) {
		return 3 + textEvents + 1;
	}

	@Override
	public String toString() {
		return name();
	}

}
