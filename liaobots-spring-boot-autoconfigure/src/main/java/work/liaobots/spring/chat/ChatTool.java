package work.liaobots.spring.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A tool the model may call.
 *
 * @param type the tool type, {@code function}
 * @param function the function's name, description and JSON Schema parameters
 */
public record ChatTool(String type, Function function) {

	/**
	 * Creates a function tool.
	 * @param name the function name
	 * @param description what the function does, for the model
	 * @param parameters the JSON Schema of the arguments, as a map or a JSON tree
	 * @return the tool
	 */
	public static ChatTool function(String name, @Nullable String description, Object parameters) {
		return new ChatTool("function", new Function(name, description, parameters, null));
	}

	/**
	 * A function definition.
	 *
	 * @param name the name
	 * @param description what it does
	 * @param parameters the JSON Schema of its arguments
	 * @param strict whether the model must follow the schema exactly
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, @Nullable String description, @Nullable Object parameters,
			@Nullable Boolean strict) {

		public Function {
			if (parameters instanceof Map<?, ?> map) {
				parameters = JsonMaps.copyOfUntyped(map);
			}
		}

	}

}
