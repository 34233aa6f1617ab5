package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import work.liaobots.spring.responses.Response;
import work.liaobots.spring.responses.ResponseAccumulator;
import work.liaobots.spring.responses.ResponseRequest;
import work.liaobots.spring.responses.ResponseStreamEvent;
import work.liaobots.spring.responses.ResponsesService;

@Component
class ResponsesAdapter implements FormatAdapter {

	private final ResponsesService responses;

	ResponsesAdapter(ResponsesService responses) {
		this.responses = responses;
	}

	@Override
	public String name() {
		return "responses";
	}

	@Override
	public Flux<ServerSentEvent<Map<String, Object>>> stream(PagePrompt prompt) {
		ResponseAccumulator accumulator = new ResponseAccumulator();
		Flux<ServerSentEvent<Map<String, Object>>> events = this.responses.stream(request(prompt))
			.doOnNext(accumulator::add)
			.mapNotNull(ResponsesAdapter::toPageEvent);
		return events.concatWith(Mono.fromSupplier(() -> FormatAdapter.event("done", summary(accumulator.result()))));
	}

	@Override
	public Mono<Map<String, Object>> complete(PagePrompt prompt) {
		return this.responses.create(request(prompt)).map((response) -> {
			Map<String, Object> result = new LinkedHashMap<>(summary(response));
			result.put("text", response.outputText());
			return result;
		});
	}

	/**
	 * Builds the request, with the demo weather tool when the prompt mentions the
	 * weather. Reasoning summaries need a reasoning model, which the default model is
	 * not, so {@code thinking} is ignored.
	 */
	private static ResponseRequest request(PagePrompt prompt) {
		ResponseRequest.Builder builder = ResponseRequest.builder().input(prompt.text());
		if (prompt.mentionsWeather()) {
			builder.tools(List.of(WeatherTool.responses()));
		}
		return builder.build();
	}

	private static ServerSentEvent<Map<String, Object>> toPageEvent(ResponseStreamEvent event) {
		if (event.isOutputTextDelta() && event.textDelta() != null) {
			return FormatAdapter.delta(event.textDelta());
		}
		if (event.isReasoningSummaryTextDelta() && event.textDelta() != null) {
			return FormatAdapter.event("thinking", Map.of("text", event.textDelta()));
		}
		if (event.isOutputItemDone() && event.item() != null && "function_call".equals(event.item().type())) {
			return FormatAdapter.event("tool", Map.of("name", String.valueOf(event.item().name()), "arguments",
					String.valueOf(event.item().arguments())));
		}
		return null;
	}

	private static Map<String, Object> summary(Response response) {
		String stop = (response.status() != null) ? response.status().value() : null;
		Integer input = (response.usage() != null) ? response.usage().inputTokens() : null;
		Integer output = (response.usage() != null) ? response.usage().outputTokens() : null;
		return FormatAdapter.summary(response.model(), stop, input, output);
	}

}
