package work.liaobots.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import work.liaobots.benchmarks.Workload.Format;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessagesService;
import work.liaobots.spring.responses.ResponseRequest;
import work.liaobots.spring.responses.ResponsesService;

/**
 * The starter as an application uses it: a Spring Boot context with the auto-configured
 * services, pointed at 127.0.0.1 through {@code liaobots.*} properties.
 */
final class StarterClient implements AutoCloseable {

	static final String AUTHCODE = "benchmark-authcode";

	private final ConfigurableApplicationContext context;

	private StarterClient(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a context whose only gateway is {@code baseUrl}.
	 */
	static StarterClient start(URI baseUrl) {
		return start(properties(baseUrl.toString()));
	}

	/**
	 * Starts a context with {@code properties} added to the defaults of
	 * {@link #properties(String)}.
	 */
	static StarterClient start(Map<String, Object> properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(properties)
			.run();
		return new StarterClient(context);
	}

	/**
	 * Returns the properties of a benchmark context: the base URLs, an auth code, a pool
	 * big enough for the concurrency run, and quiet logs.
	 */
	static Map<String, Object> properties(String baseUrls) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("liaobots.base-urls", baseUrls);
		properties.put("liaobots.authcode", AUTHCODE);
		properties.put("liaobots.pool.max-connections", 2500);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.work.liaobots", "ERROR");
		return properties;
	}

	boolean hasBean(Class<?> type) {
		return this.context.getBeanProvider(type).getIfAvailable() != null;
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Streams a text response through a format's public service and reduces it to what
	 * the benchmarks check: the number of typed events and the text they carry.
	 */
	Flux<String> streamText(Format format, String model) {
		return switch (format) {
			case CHAT -> bean(ChatCompletionsService.class).stream(ChatCompletionRequest.of(model, "Count"))
				.map((chunk) -> text(chunk.text()));
			case RESPONSES -> bean(ResponsesService.class).stream(ResponseRequest.of(model, "Count"))
				.map((event) -> text(event.textDelta()));
			case MESSAGES -> bean(MessagesService.class).stream(MessageRequest.of(model, "Count"))
				.map((event) -> text(event.text()));
			case GEMINI -> bean(GeminiService.class).stream(GenerateContentRequest.of(model, "Count"))
				.map((chunk) -> text(chunk.text()));
		};
	}

	private static String text(String piece) {
		return (piece != null) ? piece : "";
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * An application with nothing but auto-configuration.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
