package work.liaobots.spring.responses;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A tool the model may use: a function the caller runs, or a built-in tool the provider
 * runs, such as {@code web_search}. Unlike Chat Completions, a function's fields sit on
 * the tool itself, not under a {@code function} object.
 *
 * @param type the tool type: {@code function}, or a built-in type such as
 * {@code web_search}, {@code file_search}, {@code code_interpreter} or
 * {@code image_generation}
 * @param name the function name
 * @param description what the function does, for the model
 * @param parameters the JSON Schema of the function's arguments, as a map or a JSON tree
 * @param strict whether the model must follow the schema exactly (the API defaults to
 * {@code true})
 * @param extra the options of a built-in tool, and any field this class does not declare,
 * sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseTool(String type, @Nullable String name, @Nullable String description,
		@Nullable Object parameters, @Nullable Boolean strict,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	/** Type of a function tool. */
	public static final String FUNCTION = "function";

	public ResponseTool {
		if (parameters instanceof Map<?, ?> map) {
			parameters = JsonMaps.copyOfUntyped(map);
		}
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a function tool.
	 * @param name the function name
	 * @param description what the function does, for the model
	 * @param parameters the JSON Schema of the arguments, as a map or a JSON tree
	 * @return the tool
	 */
	public static ResponseTool function(String name, @Nullable String description, Object parameters) {
		return new ResponseTool(FUNCTION, name, description, parameters, null, null);
	}

	/**
	 * Creates a built-in tool without options.
	 * @param type the tool type, such as {@code web_search}
	 * @return the tool
	 */
	public static ResponseTool builtIn(String type) {
		return builtIn(type, Map.of());
	}

	/**
	 * Creates a built-in tool with options.
	 * @param type the tool type, such as {@code file_search}
	 * @param options the tool's fields, such as {@code vector_store_ids}
	 * @return the tool
	 */
	public static ResponseTool builtIn(String type, Map<String, Object> options) {
		return new ResponseTool(type, null, null, null, null, options);
	}

	/**
	 * Returns a copy with strict schema adherence switched on or off.
	 * @param strict whether the model must follow the schema exactly
	 * @return the new tool
	 */
	public ResponseTool withStrict(boolean strict) {
		return new ResponseTool(this.type, this.name, this.description, this.parameters, strict, this.extra);
	}

}
