package work.liaobots.spring.responses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A Responses API request. Build one with {@link #builder()}. A field left {@code null}
 * is not sent, and {@code model} falls back to {@code liaobots.responses.default-model}.
 *
 * @param model the model, such as {@code gpt-4o-mini}
 * @param input a {@code String} prompt, or a list of input items such as
 * {@link ResponseInputItem}s
 * @param instructions a system (developer) message placed before the input
 * @param tools tools the model may use
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"}, or an object such
 * as {@code {"type":"function","name":"get_weather"}}
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling probability mass
 * @param maxOutputTokens the maximum tokens to generate, reasoning included
 * @param reasoning effort and summary settings for reasoning models
 * @param text the output format, such as a JSON schema
 * @param previousResponseId the id of the response this one continues, whose conversation
 * the server adds to the input
 * @param store whether the server keeps the response, so a later request can continue it
 * (the API defaults to {@code true})
 * @param metadata up to 16 string pairs attached to the response
 * @param parallelToolCalls whether the model may call several tools at once
 * @param user an end-user id for abuse monitoring
 * @param stream set by the client: {@code true} for streaming calls
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseRequest(@Nullable String model, @Nullable Object input, @Nullable String instructions,
		@Nullable List<ResponseTool> tools, @JsonProperty("tool_choice") @Nullable Object toolChoice,
		@Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("max_output_tokens") @Nullable Integer maxOutputTokens, @Nullable Reasoning reasoning,
		@Nullable TextConfig text, @JsonProperty("previous_response_id") @Nullable String previousResponseId,
		@Nullable Boolean store, @Nullable Map<String, String> metadata,
		@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls, @Nullable String user,
		@Nullable Boolean stream, @JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public ResponseRequest {
		if (input instanceof List<?> items) {
			input = List.copyOf(items);
		}
		tools = (tools != null) ? List.copyOf(tools) : null;
		metadata = JsonMaps.copyOfNullable(metadata);
		extra = JsonMaps.copyOf(extra);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Creates a request with a text prompt.
	 * @param model the model, or {@code null} for the configured default
	 * @param prompt the prompt
	 * @return the request
	 */
	public static ResponseRequest of(@Nullable String model, String prompt) {
		return builder().model(model).input(prompt).build();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Settings for reasoning models.
	 *
	 * @param effort how hard the model thinks, such as {@code minimal}, {@code low},
	 * {@code medium} or {@code high}
	 * @param summary whether and how the model summarizes its reasoning: {@code auto},
	 * {@code concise} or {@code detailed}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Reasoning(@Nullable String effort, @Nullable String summary) {

		/**
		 * Returns settings with an effort and no summary.
		 * @param effort the effort, such as {@code low}
		 * @return the settings
		 */
		public static Reasoning effort(String effort) {
			return new Reasoning(effort, null);
		}

	}

	/**
	 * Settings of the output text.
	 *
	 * @param format the output format, such as {@link #jsonSchema(String, Object)}
	 * @param verbosity how verbose the output is: {@code low}, {@code medium} or
	 * {@code high}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TextConfig(@Nullable Map<String, Object> format, @Nullable String verbosity) {

		public TextConfig {
			format = JsonMaps.copyOfNullable(format);
		}

		/**
		 * Returns settings that ask for JSON following a schema ({@code strict: true}).
		 * @param name the schema name
		 * @param schema the JSON Schema, as a map or a JSON tree
		 * @return the settings
		 */
		public static TextConfig jsonSchema(String name, Object schema) {
			Map<String, Object> format = new LinkedHashMap<>();
			format.put("type", "json_schema");
			format.put("name", name);
			format.put("schema", schema);
			format.put("strict", true);
			return new TextConfig(format, null);
		}

		/**
		 * Returns settings that ask for any valid JSON object.
		 * @return the settings
		 */
		public static TextConfig jsonObject() {
			return new TextConfig(Map.of("type", "json_object"), null);
		}

	}

	/**
	 * Builds a {@link ResponseRequest}.
	 */
	public static final class Builder {

		@Nullable private String model;

		@Nullable private Object input;

		@Nullable private String instructions;

		@Nullable private List<ResponseTool> tools;

		@Nullable private Object toolChoice;

		@Nullable private Double temperature;

		@Nullable private Double topP;

		@Nullable private Integer maxOutputTokens;

		@Nullable private Reasoning reasoning;

		@Nullable private TextConfig text;

		@Nullable private String previousResponseId;

		@Nullable private Boolean store;

		@Nullable private Map<String, String> metadata;

		@Nullable private Boolean parallelToolCalls;

		@Nullable private String user;

		@Nullable private Boolean stream;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(ResponseRequest request) {
			this.model = request.model;
			this.input = request.input;
			this.instructions = request.instructions;
			this.tools = request.tools;
			this.toolChoice = request.toolChoice;
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.maxOutputTokens = request.maxOutputTokens;
			this.reasoning = request.reasoning;
			this.text = request.text;
			this.previousResponseId = request.previousResponseId;
			this.store = request.store;
			this.metadata = request.metadata;
			this.parallelToolCalls = request.parallelToolCalls;
			this.user = request.user;
			this.stream = request.stream;
			this.extra.putAll(request.extra);
		}

		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the input to a text prompt, sent as a user message.
		 * @param prompt the prompt
		 * @return this builder
		 */
		public Builder input(String prompt) {
			this.input = prompt;
			return this;
		}

		/**
		 * Sets the input to a list of items: {@link ResponseInputItem}s, or maps and JSON
		 * trees for item types that class does not cover.
		 * @param items the items
		 * @return this builder
		 */
		public Builder input(List<?> items) {
			this.input = items;
			return this;
		}

		public Builder instructions(@Nullable String instructions) {
			this.instructions = instructions;
			return this;
		}

		public Builder tools(@Nullable List<ResponseTool> tools) {
			this.tools = tools;
			return this;
		}

		public Builder toolChoice(@Nullable Object toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		public Builder maxOutputTokens(@Nullable Integer maxOutputTokens) {
			this.maxOutputTokens = maxOutputTokens;
			return this;
		}

		public Builder reasoning(@Nullable Reasoning reasoning) {
			this.reasoning = reasoning;
			return this;
		}

		public Builder text(@Nullable TextConfig text) {
			this.text = text;
			return this;
		}

		public Builder previousResponseId(@Nullable String previousResponseId) {
			this.previousResponseId = previousResponseId;
			return this;
		}

		public Builder store(@Nullable Boolean store) {
			this.store = store;
			return this;
		}

		public Builder metadata(@Nullable Map<String, String> metadata) {
			this.metadata = metadata;
			return this;
		}

		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		public Builder stream(@Nullable Boolean stream) {
			this.stream = stream;
			return this;
		}

		/**
		 * Adds a field this class does not declare, sent as it is.
		 * @param name the JSON field name
		 * @param value the value
		 * @return this builder
		 */
		public Builder extra(String name, Object value) {
			this.extra.put(name, value);
			return this;
		}

		public ResponseRequest build() {
			return new ResponseRequest(this.model, this.input, this.instructions, this.tools, this.toolChoice,
					this.temperature, this.topP, this.maxOutputTokens, this.reasoning, this.text,
					this.previousResponseId, this.store, this.metadata, this.parallelToolCalls, this.user, this.stream,
					this.extra);
		}

	}

}
