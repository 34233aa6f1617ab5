package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Presents one gateway format to the page in a common shape: a stream of {@code delta},
 * {@code thinking}, {@code tool} and {@code image} events that ends with {@code done}.
 */
interface FormatAdapter {

	/**
	 * Returns the path name of the format, such as {@code chat}.
	 */
	String name();

	/**
	 * Streams the reply to {@code prompt}, ending with a {@code done} event that carries
	 * the stop reason and token usage.
	 */
	Flux<ServerSentEvent<Map<String, Object>>> stream(PagePrompt prompt);

	/**
	 * Returns the whole reply to {@code prompt} with the same summary fields as
	 * {@code done}.
	 */
	Mono<Map<String, Object>> complete(PagePrompt prompt);

	static ServerSentEvent<Map<String, Object>> event(String name, Map<String, Object> data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	static ServerSentEvent<Map<String, Object>> delta(String text) {
		return event("delta", Map.of("text", text));
	}

	static Map<String, Object> summary(@Nullable String model, @Nullable String stopReason, @Nullable Integer input,
			@Nullable Integer output) {
		Map<String, Object> summary = new LinkedHashMap<>();
		putIfPresent(summary, "model", model);
		putIfPresent(summary, "stopReason", stopReason);
		putIfPresent(summary, "inputTokens", input);
		putIfPresent(summary, "outputTokens", output);
		if (input != null && output != null) {
			summary.put("totalTokens", input + output);
		}
		return summary;
	}

	private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
