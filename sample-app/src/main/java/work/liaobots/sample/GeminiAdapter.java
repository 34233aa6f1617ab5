package work.liaobots.sample;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import work.liaobots.spring.gemini.Blob;
import work.liaobots.spring.gemini.Candidate;
import work.liaobots.spring.gemini.GeminiAccumulator;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.gemini.GenerateContentResponse;
import work.liaobots.spring.gemini.GenerationConfig;
import work.liaobots.spring.gemini.ImageOptions;
import work.liaobots.spring.gemini.Part;
import work.liaobots.spring.gemini.ThinkingConfig;

@Component
class GeminiAdapter implements FormatAdapter {

	private final GeminiService gemini;

	GeminiAdapter(GeminiService gemini) {
		this.gemini = gemini;
	}

	@Override
	public String name() {
		return "gemini";
	}

	@Override
	public Flux<ServerSentEvent<Map<String, Object>>> stream(PagePrompt prompt) {
		GeminiAccumulator accumulator = new GeminiAccumulator();
		Flux<ServerSentEvent<Map<String, Object>>> events = this.gemini.stream(request(prompt))
			.doOnNext(accumulator::add)
			.concatMapIterable(GeminiAdapter::toPageEvents);
		return events.concatWith(Mono.fromSupplier(() -> FormatAdapter.event("done", summary(accumulator.result()))));
	}

	@Override
	public Mono<Map<String, Object>> complete(PagePrompt prompt) {
		return this.gemini.create(request(prompt)).map((response) -> {
			Map<String, Object> result = new LinkedHashMap<>(summary(response));
			result.put("text", String.valueOf(response.text()));
			return result;
		});
	}

	/**
	 * Generates an image and returns its text part and images as data URLs.
	 */
	Mono<Map<String, Object>> generateImage(String prompt, ImageOptions options) {
		return this.gemini.generateImage(prompt, options).map((response) -> {
			Map<String, Object> result = new LinkedHashMap<>(summary(response));
			result.put("text", (response.text() != null) ? response.text() : "");
			result.put("images", response.images().stream().map(GeminiAdapter::image).toList());
			return result;
		});
	}

	/**
	 * Builds the request, with the demo weather tool when the prompt mentions the
	 * weather, and with thought summaries when asked.
	 */
	private static GenerateContentRequest request(PagePrompt prompt) {
		GenerateContentRequest.Builder builder = GenerateContentRequest.builder().userText(prompt.text());
		if (prompt.mentionsWeather()) {
			builder.tool(WeatherTool.gemini());
		}
		if (prompt.thinking()) {
			builder
				.generationConfig(GenerationConfig.builder().thinkingConfig(ThinkingConfig.INCLUDE_THOUGHTS).build());
		}
		return builder.build();
	}

	private static List<ServerSentEvent<Map<String, Object>>> toPageEvents(GenerateContentResponse chunk) {
		List<ServerSentEvent<Map<String, Object>>> events = new ArrayList<>();
		for (Candidate candidate : chunk.candidates()) {
			for (Part part : candidate.parts()) {
				if (part.text() != null && !part.text().isEmpty()) {
					events.add(part.thought() ? FormatAdapter.event("thinking", Map.of("text", part.text()))
							: FormatAdapter.delta(part.text()));
				}
				else if (part.isImage() && !part.thought()) {
					events.add(FormatAdapter.event("image", image(part.inlineData())));
				}
				else if (part.functionCall() != null) {
					events.add(FormatAdapter.event("tool", Map.of("name", String.valueOf(part.functionCall().name()),
							"arguments", String.valueOf(part.functionCall().args()))));
				}
			}
		}
		return events;
	}

	private static Map<String, Object> image(Blob blob) {
		String mimeType = (blob.mimeType() != null) ? blob.mimeType() : "application/octet-stream";
		return Map.of("mimeType", mimeType, "size", blob.size(), "dataUrl",
				"data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(blob.bytes()));
	}

	private static Map<String, Object> summary(GenerateContentResponse response) {
		String stop = (response.finishReason() != null) ? response.finishReason().value() : null;
		Integer input = (response.usageMetadata() != null) ? response.usageMetadata().promptTokenCount() : null;
		Integer output = (response.usageMetadata() != null) ? response.usageMetadata().candidatesTokenCount() : null;
		return FormatAdapter.summary(response.modelVersion(), stop, input, output);
	}

}
