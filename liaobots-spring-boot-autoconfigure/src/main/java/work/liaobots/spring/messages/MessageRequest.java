package work.liaobots.spring.messages;

import java.util.ArrayList;
import java.util.Collections;
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
 * A Messages request. Build one with {@link #builder()}. A field left {@code null} is not
 * sent, {@code model} falls back to {@code liaobots.messages.default-model} and
 * {@code max_tokens}, which the API requires, to
 * {@code liaobots.messages.default-max-tokens}.
 *
 * @param model the model, such as {@code claude-sonnet-4-5}
 * @param maxTokens the most tokens to generate, thinking included
 * @param messages the conversation so far, alternating {@code user} and {@code assistant}
 * @param system instructions for the model: a {@code String} or a list of text blocks
 * (for example with a cache breakpoint)
 * @param tools tools the model may use
 * @param toolChoice how the model may use the tools
 * @param temperature sampling temperature, 0 to 1
 * @param topP nucleus sampling probability mass
 * @param topK sample only from the k most likely tokens
 * @param stopSequences texts that end the output when the model produces them
 * @param thinking extended thinking settings
 * @param metadata request metadata, such as {@code user_id}
 * @param stream set by the client: {@code true} for streaming calls
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageRequest(@Nullable String model, @JsonProperty("max_tokens") @Nullable Integer maxTokens,
		List<MessageParam> messages, @Nullable Object system, @Nullable List<MessageTool> tools,
		@JsonProperty("tool_choice") @Nullable ToolChoice toolChoice, @Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP, @JsonProperty("top_k") @Nullable Integer topK,
		@JsonProperty("stop_sequences") @Nullable List<String> stopSequences, @Nullable ThinkingConfig thinking,
		@Nullable Map<String, Object> metadata, @Nullable Boolean stream,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public MessageRequest {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
		if (system instanceof List<?> blocks) {
			system = List.copyOf(blocks);
		}
		tools = (tools != null) ? List.copyOf(tools) : null;
		stopSequences = (stopSequences != null) ? List.copyOf(stopSequences) : null;
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null;
		extra = JsonMaps.copyOf(extra);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Creates a request with one user message.
	 * @param model the model, or {@code null} for the configured default
	 * @param prompt the user message
	 * @return the request
	 */
	public static MessageRequest of(@Nullable String model, String prompt) {
		return builder().model(model).message(MessageParam.user(prompt)).build();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link MessageRequest}.
	 */
	public static final class Builder {

		@Nullable private String model;

		@Nullable private Integer maxTokens;

		private final List<MessageParam> messages = new ArrayList<>();

		@Nullable private Object system;

		@Nullable private List<MessageTool> tools;

		@Nullable private ToolChoice toolChoice;

		@Nullable private Double temperature;

		@Nullable private Double topP;

		@Nullable private Integer topK;

		@Nullable private List<String> stopSequences;

		@Nullable private ThinkingConfig thinking;

		@Nullable private Map<String, Object> metadata;

		@Nullable private Boolean stream;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(MessageRequest request) {
			this.model = request.model;
			this.maxTokens = request.maxTokens;
			this.messages.addAll(request.messages);
			this.system = request.system;
			this.tools = request.tools;
			this.toolChoice = request.toolChoice;
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.topK = request.topK;
			this.stopSequences = request.stopSequences;
			this.thinking = request.thinking;
			this.metadata = request.metadata;
			this.stream = request.stream;
			this.extra.putAll(request.extra);
		}

		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Appends a message to the conversation.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(MessageParam message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Replaces the conversation.
		 * @param messages the messages
		 * @return this builder
		 */
		public Builder messages(List<MessageParam> messages) {
			this.messages.clear();
			this.messages.addAll(messages);
			return this;
		}

		/**
		 * Sets the instructions as plain text.
		 * @param system the instructions, or {@code null} for none
		 * @return this builder
		 */
		public Builder system(@Nullable String system) {
			this.system = system;
			return this;
		}

		/**
		 * Sets the instructions as text blocks, for example to put a cache breakpoint
		 * after them with {@link ContentBlock#withCacheControl(Object)}.
		 * @param system the text blocks
		 * @return this builder
		 */
		public Builder system(List<ContentBlock> system) {
			this.system = system;
			return this;
		}

		public Builder tools(@Nullable List<MessageTool> tools) {
			this.tools = tools;
			return this;
		}

		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
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

		public Builder topK(@Nullable Integer topK) {
			this.topK = topK;
			return this;
		}

		public Builder stopSequences(@Nullable List<String> stopSequences) {
			this.stopSequences = stopSequences;
			return this;
		}

		public Builder thinking(@Nullable ThinkingConfig thinking) {
			this.thinking = thinking;
			return this;
		}

		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = metadata;
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

		public MessageRequest build() {
			return new MessageRequest(this.model, this.maxTokens, this.messages, this.system, this.tools,
					this.toolChoice, this.temperature, this.topP, this.topK, this.stopSequences, this.thinking,
					this.metadata, this.stream, this.extra);
		}

	}

}
