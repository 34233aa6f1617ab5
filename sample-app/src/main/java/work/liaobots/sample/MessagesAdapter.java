package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import work.liaobots.spring.messages.ContentBlock;
import work.liaobots.spring.messages.Message;
import work.liaobots.spring.messages.MessageAccumulator;
import work.liaobots.spring.messages.MessageDelta;
import work.liaobots.spring.messages.MessageParam;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessageStreamEvent;
import work.liaobots.spring.messages.MessagesService;
import work.liaobots.spring.messages.ThinkingConfig;

@Component
class MessagesAdapter implements FormatAdapter {

	/**
	 * Tokens the model may spend thinking: the smallest budget Anthropic accepts, and
	 * below the starter's default max tokens (4096), which must be larger.
	 */
	private static final int THINKING_BUDGET_TOKENS = 1024;

	private final MessagesService messages;

	MessagesAdapter(MessagesService messages) {
		this.messages = messages;
	}

	@Override
	public String name() {
		return "messages";
	}

	@Override
	public Flux<ServerSentEvent<Map<String, Object>>> stream(PagePrompt prompt) {
		MessageAccumulator accumulator = new MessageAccumulator();
		Flux<ServerSentEvent<Map<String, Object>>> events = this.messages.stream(request(prompt))
			.doOnNext(accumulator::add)
			.mapNotNull(MessagesAdapter::toPageEvent);
		return events.concatWith(Flux.defer(() -> finish(accumulator.result())));
	}

	@Override
	public Mono<Map<String, Object>> complete(PagePrompt prompt) {
		return this.messages.create(request(prompt)).map((message) -> {
			Map<String, Object> result = new LinkedHashMap<>(summary(message));
			result.put("text", message.text());
			return result;
		});
	}

	/**
	 * Builds the request, with the demo weather tool when the prompt mentions the
	 * weather, and with thinking on a budget below the default max tokens when asked.
	 */
	private static MessageRequest request(PagePrompt prompt) {
		MessageRequest.Builder builder = MessageRequest.builder().message(MessageParam.user(prompt.text()));
		if (prompt.mentionsWeather()) {
			builder.tools(List.of(WeatherTool.messages()));
		}
		if (prompt.thinking()) {
			builder.thinking(ThinkingConfig.enabled(THINKING_BUDGET_TOKENS));
		}
		return builder.build();
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
