package work.liaobots.sample;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import work.liaobots.spring.error.LiaobotsException;

/**
 * Streams or returns answers in any of the gateway's formats, in one shape for the page.
 * A failure in the middle of a stream becomes a final {@code error} event, because the
 * response status was already sent.
 */
@RestController
class StreamController {

	private final Map<String, FormatAdapter> adapters;

	StreamController(List<FormatAdapter> adapters) {
		this.adapters = adapters.stream().collect(Collectors.toMap(FormatAdapter::name, Function.identity()));
	}

	@GetMapping(path = "/api/stream/{format}", produces = "text/event-stream")
	Flux<ServerSentEvent<Map<String, Object>>> stream(@PathVariable String format, @RequestParam String prompt,
			@RequestParam(defaultValue = "false") boolean thinking) {
		return adapter(format).stream(new PagePrompt(prompt, thinking))
			.onErrorResume(LiaobotsException.class, (error) -> Mono.just(FormatAdapter.event("error",
					Map.of("type", error.getClass().getSimpleName(), "message", String.valueOf(error.getMessage())))));
	}

	@GetMapping("/api/complete/{format}")
	Mono<Map<String, Object>> complete(@PathVariable String format, @RequestParam String prompt,
			@RequestParam(defaultValue = "false") boolean thinking) {
		return adapter(format).complete(new PagePrompt(prompt, thinking));
	}

	@GetMapping("/api/formats")
	List<String> formats() {
		return this.adapters.keySet().stream().sorted().toList();
	}

	private FormatAdapter adapter(String format) {
		FormatAdapter adapter = this.adapters.get(format);
		if (adapter == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Unknown format '" + format + "'; use one of " + this.adapters.keySet());
		}
		return adapter;
	}

}
