package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import work.liaobots.spring.chat.ChatCompletion;
import work.liaobots.spring.chat.ChatCompletionAccumulator;
import work.liaobots.spring.chat.ChatCompletionChunk;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.error.LiaobotsException;

/**
 * Streams a chat answer to the browser as server-sent events: {@code delta} events with
 * text pieces, then one {@code done} event with the finish reason and token usage, or one
 * {@code error} event.
 */
@RestController
class ChatController {

	private final ChatCompletionsService chat;

	ChatController(ChatCompletionsService chat) {
		this.chat = chat;
	}

	@GetMapping(path = "/api/chat/stream", produces = "text/event-stream")
	Flux<ServerSentEvent<Map<String, Object>>> stream(@RequestParam String prompt) {
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		Flux<ChatCompletionChunk> chunks = this.chat.stream(ChatCompletionRequest.of(null, prompt))
			.doOnNext(accumulator::add);
		Flux<ServerSentEvent<Map<String, Object>>> deltas = chunks
			.filter((chunk) -> chunk.text() != null && !chunk.text().isEmpty())
			.map((chunk) -> event("delta", Map.of("text", chunk.text())));
		return deltas.concatWith(Mono.fromSupplier(() -> event("done", summary(accumulator.result()))))
			.onErrorResume(LiaobotsException.class,
					(error) -> Mono.just(event("error", Map.of("message", error.getMessage()))));
	}

	@GetMapping("/api/chat")
	Mono<ChatCompletion> complete(@RequestParam String prompt) {
		return this.chat.create(ChatCompletionRequest.of(null, prompt));
	}

	private static Map<String, Object> summary(ChatCompletion completion) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("model", completion.model());
		if (!completion.choices().isEmpty() && completion.choices().get(0).finishReason() != null) {
			summary.put("finishReason", completion.choices().get(0).finishReason().value());
		}
		if (completion.usage() != null) {
			summary.put("promptTokens", completion.usage().promptTokens());
			summary.put("completionTokens", completion.usage().completionTokens());
			summary.put("totalTokens", completion.usage().totalTokens());
		}
		return summary;
	}

	private static ServerSentEvent<Map<String, Object>> event(String name, Map<String, Object> data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

}
