package work.liaobots.spring.gemini;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * One entry of a request's {@code tools}: functions the model may call, or a built-in
 * tool such as Google Search or code execution. Built-in tools are open entries, so one
 * this class does not name goes through {@link #of(String, Object)}.
 *
 * @param functionDeclarations the functions the model may call
 * @param googleSearch the Google Search tool's settings, usually empty
 * @param codeExecution the code execution tool's settings, usually empty
 * @param extra other tools, such as {@code urlContext}, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(@Nullable List<FunctionDeclaration> functionDeclarations, @Nullable Map<String, Object> googleSearch,
		@Nullable Map<String, Object> codeExecution,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	/**
	 * The Google Search tool, sent as {@code {"googleSearch":{}}}, which grounds
	 * responses and images in search results.
	 */
	public static final Tool GOOGLE_SEARCH = new Tool(null, Map.of(), null, null);

	/** The code execution tool, sent as {@code {"codeExecution":{}}}. */
	public static final Tool CODE_EXECUTION = new Tool(null, null, Map.of(), null);

	public Tool {
		functionDeclarations = (functionDeclarations != null) ? List.copyOf(functionDeclarations) : null;
		googleSearch = JsonMaps.copyOfNullable(googleSearch);
		codeExecution = JsonMaps.copyOfNullable(codeExecution);
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a tool entry that declares functions.
	 * @param declarations the functions
	 * @return the tool
	 */
	public static Tool functions(FunctionDeclaration... declarations) {
		return new Tool(List.of(declarations), null, null, null);
	}

	/**
	 * Creates a built-in tool this class does not name, such as {@code urlContext}.
	 * @param name the tool's JSON field name
	 * @param settings the tool's settings, such as an empty map
	 * @return the tool
	 */
	public static Tool of(String name, Object settings) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put(name, settings);
		return new Tool(null, null, null, entry);
	}

}
