package work.liaobots.spring.messages;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A tool the model may use: a tool the caller runs (name, description and the JSON Schema
 * of its input), or a tool the provider runs, such as {@code web_search_20250305}.
 *
 * @param type the tool type: {@code null} for a tool the caller runs, or a server tool
 * version
 * @param name the name the model calls the tool by
 * @param description what the tool does, for the model
 * @param inputSchema the JSON Schema of the input, as a map or a JSON tree
 * @param extra fields this record does not declare, such as {@code cache_control} or a
 * server tool's {@code max_uses}, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageTool(@Nullable String type, String name, @Nullable String description,
		@JsonProperty("input_schema") @Nullable Object inputSchema,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public MessageTool {
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a tool the caller runs.
	 * @param name the tool name
	 * @param description what the tool does
	 * @param inputSchema the JSON Schema of the input, such as
	 * {@code {"type":"object","properties":{...}}}
	 * @return the tool
	 */
	public static MessageTool of(String name, @Nullable String description, Object inputSchema) {
		return new MessageTool(null, name, description, inputSchema, null);
	}

	/**
	 * Creates a tool the provider runs.
	 * @param type the versioned tool type, such as {@code web_search_20250305}
	 * @param name the tool name, such as {@code web_search}
	 * @return the tool
	 */
	public static MessageTool server(String type, String name) {
		return new MessageTool(type, name, null, null, null);
	}

	/**
	 * Returns a copy with one more field, such as {@code max_uses} or
	 * {@code cache_control}.
	 * @param field the JSON field name
	 * @param value the value
	 * @return the new tool
	 */
	public MessageTool with(String field, Object value) {
		Map<String, Object> fields = new LinkedHashMap<>(this.extra);
		fields.put(field, value);
		return new MessageTool(this.type, this.name, this.description, this.inputSchema, fields);
	}

}
