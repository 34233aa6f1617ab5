package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import work.liaobots.spring.chat.ChatCompletion;
import work.liaobots.spring.chat.ChatCompletionAccumulator;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.chat.ChatMessage;
import work.liaobots.spring.chat.ToolCall;

@Component
class ChatAdapter implements FormatAdapter {

	private final ChatCompletionsService chat;

	ChatAdapter(ChatCompletionsService chat) {
		this.chat = chat;
	}

	@Override
	public String name() {
		return "chat";
	}

	@Override
	public Flux<ServerSentEvent<Map<String, Object>>> stream(PagePrompt prompt) {
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		Flux<ServerSentEvent<Map<String, Object>>> deltas = this.chat.stream(request(prompt))
			.doOnNext(accumulator::add)
			.mapNotNull((chunk) -> (chunk.text() == null || chunk.text().isEmpty()) ? null
					: FormatAdapter.delta(chunk.text()));
		return deltas.concatWith(Flux.defer(() -> finish(accumulator.result())));
	}

	@Override
	public Mono<Map<String, Object>> complete(PagePrompt prompt) {
		return this.chat.create(request(prompt)).map((completion) -> {
			Map<String, Object> result = new LinkedHashMap<>(summary(completion));
			result.put("text", String.valueOf(completion.text()));
			return result;
		});
	}

	/**
	 * Builds the request, with the demo weather tool when the prompt mentions the
	 * weather. Chat Completions has no thinking to show, so {@code thinking} is ignored.
	 */
	private static ChatCompletionRequest request(PagePrompt prompt) {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder()
			.message(ChatMessage.user(prompt.text()));
		if (prompt.mentionsWeather()) {
			builder.tools(List.of(WeatherTool.chat()));
		}
		return builder.build();
	}

	private Flux<ServerSentEvent<Map<String, Object>>> finish(ChatCompletion completion) {
		Flux<ServerSentEvent<Map<String, Object>>> tools = Flux
			.fromIterable(completion.choices().isEmpty() ? List.<ToolCall>of()
					: completion.choices().get(0).message().toolCalls())
			.map((call) -> FormatAdapter.event("tool",
					Map.of("name", call.function().name(), "arguments", call.function().arguments())));
		return tools.concatWith(Mono.just(FormatAdapter.event("done", summary(completion))));
	}

	private static Map<String, Object> summary(ChatCompletion completion) {
		String stop = completion.choices().isEmpty() || completion.choices().get(0).finishReason() == null ? null
				: completion.choices().get(0).finishReason().value();
		Integer input = (completion.usage() != null) ? completion.usage().promptTokens() : null;
		Integer output = (completion.usage() != null) ? completion.usage().completionTokens() : null;
		return FormatAdapter.summary(completion.model(), stop, input, output);
	}

}
