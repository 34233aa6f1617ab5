package work.liaobots.sample;

import java.util.List;
import java.util.Map;

import work.liaobots.spring.chat.ChatTool;
import work.liaobots.spring.gemini.FunctionDeclaration;
import work.liaobots.spring.gemini.Tool;
import work.liaobots.spring.messages.MessageTool;
import work.liaobots.spring.responses.ResponseTool;

/**
 * The demo {@code get_weather} function the sample offers the model when a prompt
 * mentions the weather, declared in each format's shape. The sample shows the call the
 * model makes and runs no weather service.
 */
final class WeatherTool {

	static final String NAME = "get_weather";

	static final String DESCRIPTION = "Returns the current weather in a city.";

	/**
	 * The JSON Schema of the arguments. Every property is required and no other is
	 * allowed, which OpenAI's strict function calling demands.
	 */
	static final Map<String, Object> PARAMETERS = Map.of("type", "object", "properties",
			Map.of("city", Map.of("type", "string", "description", "The city, such as Paris or 上海"), "unit",
					Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
			"required", List.of("city", "unit"), "additionalProperties", false);

	private WeatherTool() {
	}

	static ChatTool chat() {
		return ChatTool.function(NAME, DESCRIPTION, PARAMETERS);
	}

	static ResponseTool responses() {
		return ResponseTool.function(NAME, DESCRIPTION, PARAMETERS);
	}

	static MessageTool messages() {
		return MessageTool.of(NAME, DESCRIPTION, PARAMETERS);
	}

	static Tool gemini() {
		return Tool.functions(FunctionDeclaration.of(NAME, DESCRIPTION, PARAMETERS));
	}

}
