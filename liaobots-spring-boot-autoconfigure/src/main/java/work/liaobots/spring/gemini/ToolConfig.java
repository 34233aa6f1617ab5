package work.liaobots.spring.gemini;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * Tool settings: when and which of the request's tools the model uses.
 *
 * @param functionCallingConfig when and which functions the model calls
 * @param extra fields this class does not declare, such as {@code retrievalConfig}, sent
 * as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolConfig(@Nullable FunctionCallingConfig functionCallingConfig,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public ToolConfig {
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a configuration with a function calling mode.
	 * @param mode {@code AUTO}, {@code ANY} (always call a function), {@code NONE} or
	 * {@code VALIDATED}
	 * @param allowedFunctionNames the functions the model may call in mode {@code ANY},
	 * or none for all
	 * @return the configuration
	 */
	public static ToolConfig functionCalling(String mode, String... allowedFunctionNames) {
		List<String> names = (allowedFunctionNames.length > 0) ? List.of(allowedFunctionNames) : null;
		return new ToolConfig(new FunctionCallingConfig(mode, names), null);
	}

	/**
	 * When and which functions the model calls.
	 *
	 * @param mode the mode, such as {@code AUTO} or {@code ANY}
	 * @param allowedFunctionNames the functions allowed in mode {@code ANY}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FunctionCallingConfig(@Nullable String mode, @Nullable List<String> allowedFunctionNames) {

	}

}
