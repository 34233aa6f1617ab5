package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import work.liaobots.spring.messages.ContentBlock;
import work.liaobots.spring.messages.Message;
import work.liaobots.spring.messages.MessageAccumulator;
import work.liaobots.spring.messages.MessageDelta;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessageStreamEvent;
import work.liaobots.spring.messages.MessagesService;

@Component
class MessagesAdapter implements FormatAdapter {

	private final MessagesService messages;

	MessagesAdapter(MessagesService messages) {
		this.messages = messages;
	}

	@Override
	public String name() {
		return "messages";
	}

	@Override
	public Flux<ServerSentEvent<Map<String, Object>>> stream(String prompt) {
		MessageAccumulator accumulator = new MessageAccumulator();
		Flux<ServerSentEvent<Map<String, Object>>> events = this.messages.stream(MessageRequest.of(null, prompt))
			.doOnNext(accumulator::add)
			.mapNotNull(MessagesAdapter::toPageEvent);
		return events.concatWith(Flux.defer(() -> finish(accumulator.result())));
	}

	@Override
	public Mono<Map<String, Object>> complete(String prompt) {
		return this.messages.create(MessageRequest.of(null, prompt)).map((message) -> {
			Map<String, Object> result = new LinkedHashMap<>(summary(message));
			result.put("text", message.text());
			return result;
		});
	}

	private static ServerSentEvent<Map<String, Object>> toPageEvent(MessageStreamEvent event) {
		MessageDelta delta = event.delta();
		if (!MessageStreamEvent.Type.CONTENT_BLOCK_DELTA.equals(event.type()) || delta == null) {
			return null;
		}
		if (MessageDelta.Type.TEXT_DELTA.equals(delta.type()) && delta.text() != null) {
			return FormatAdapter.delta(delta.text());
		}
		if (MessageDelta.Type.THINKING_DELTA.equals(delta.type()) && delta.thinking() != null) {
			return FormatAdapter.event("thinking", Map.of("text", delta.thinking()));
		}
		return null;
	}

	private Flux<ServerSentEvent<Map<String, Object>>> finish(Message message) {
		Flux<ServerSentEvent<Map<String, Object>>> tools = Flux.fromIterable(message.toolUses())
			.map(MessagesAdapter::toolEvent);
		return tools.concatWith(Mono.just(FormatAdapter.event("done", summary(message))));
	}

	private static ServerSentEvent<Map<String, Object>> toolEvent(ContentBlock block) {
		return FormatAdapter.event("tool",
				Map.of("name", String.valueOf(block.name()), "arguments", String.valueOf(block.input())));
	}

	private static Map<String, Object> summary(Message message) {
		String stop = (message.stopReason() != null) ? message.stopReason().value() : null;
		Integer input = (message.usage() != null) ? message.usage().totalInputTokens() : null;
		Integer output = (message.usage() != null) ? message.usage().outputTokens() : null;
		return FormatAdapter.summary(message.model(), stop, input, output);
	}

}
