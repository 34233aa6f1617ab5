package work.liaobots.spring.gemini;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A function the model may call.
 *
 * @param name the function name
 * @param description what the function does, for the model
 * @param parameters the arguments as a Gemini (OpenAPI subset) schema, as a map or JSON
 * tree
 * @param parametersJsonSchema the arguments as a full JSON Schema, an alternative to
 * {@code parameters}
 * @param extra fields this class does not declare, such as {@code response}, sent as they
 * are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDeclaration(String name, @Nullable String description, @Nullable Object parameters,
		@Nullable Object parametersJsonSchema, @JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public FunctionDeclaration {
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a declaration whose arguments are described by a JSON Schema.
	 * @param name the function name
	 * @param description what the function does
	 * @param parametersJsonSchema the JSON Schema of the arguments, as a map or JSON tree
	 * @return the declaration
	 */
	public static FunctionDeclaration of(String name, @Nullable String description, Object parametersJsonSchema) {
		return new FunctionDeclaration(name, description, null, parametersJsonSchema, null);
	}

}
