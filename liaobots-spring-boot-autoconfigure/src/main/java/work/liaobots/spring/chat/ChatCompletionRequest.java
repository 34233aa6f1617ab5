package work.liaobots.spring.chat;

import java.util.ArrayList;
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
 * A Chat Completions request. Build one with {@link #builder()}; a field left
 * {@code null} is not sent, and {@code model} falls back to
 * {@code liaobots.chat.default-model}.
 *
 * @param model the model, such as {@code gpt-4o-mini}
 * @param messages the conversation so far
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling probability mass
 * @param maxTokens the most tokens to generate (older models)
 * @param maxCompletionTokens the most tokens to generate, reasoning included (newer
 * models)
 * @param stop up to four stop sequences
 * @param n how many choices to generate
 * @param tools tools the model may call
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"}, or an object
 * naming a function
 * @param responseFormat for example {@code {"type":"json_object"}}
 * @param reasoningEffort {@code low}, {@code medium} or {@code high} for reasoning models
 * @param seed a seed for repeatable sampling
 * @param user an end-user id for abuse monitoring
 * @param stream set by the client: {@code true} for streaming calls
 * @param streamOptions set by the client for streaming calls
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(@Nullable String model, List<ChatMessage> messages, @Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP, @JsonProperty("max_tokens") @Nullable Integer maxTokens,
		@JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens, @Nullable List<String> stop,
		@Nullable Integer n, @Nullable List<ChatTool> tools, @JsonProperty("tool_choice") @Nullable Object toolChoice,
		@JsonProperty("response_format") @Nullable Object responseFormat,
		@JsonProperty("reasoning_effort") @Nullable String reasoningEffort, @Nullable Long seed, @Nullable String user,
		@Nullable Boolean stream, @JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public ChatCompletionRequest {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
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
	public static ChatCompletionRequest of(@Nullable String model, String prompt) {
		return builder().model(model).message(ChatMessage.user(prompt)).build();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Options of a streaming call.
	 *
	 * @param includeUsage whether the stream ends with a chunk that carries token usage
	 * @param includeObfuscation whether chunks carry random padding against length side
	 * channels
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record StreamOptions(@JsonProperty("include_usage") @Nullable Boolean includeUsage,
			@JsonProperty("include_obfuscation") @Nullable Boolean includeObfuscation) {

	}

	/**
	 * Builds a {@link ChatCompletionRequest}.
	 */
	public static final class Builder {

		@Nullable private String model;

		private final List<ChatMessage> messages = new ArrayList<>();

		@Nullable private Double temperature;

		@Nullable private Double topP;

		@Nullable private Integer maxTokens;

		@Nullable private Integer maxCompletionTokens;

		@Nullable private List<String> stop;

		@Nullable private Integer n;

		@Nullable private List<ChatTool> tools;

		@Nullable private Object toolChoice;

		@Nullable private Object responseFormat;

		@Nullable private String reasoningEffort;

		@Nullable private Long seed;

		@Nullable private String user;

		@Nullable private Boolean stream;

		@Nullable private StreamOptions streamOptions;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(ChatCompletionRequest request) {
			this.model = request.model;
			this.messages.addAll(request.messages);
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.maxTokens = request.maxTokens;
			this.maxCompletionTokens = request.maxCompletionTokens;
			this.stop = request.stop;
			this.n = request.n;
			this.tools = request.tools;
			this.toolChoice = request.toolChoice;
			this.responseFormat = request.responseFormat;
			this.reasoningEffort = request.reasoningEffort;
			this.seed = request.seed;
			this.user = request.user;
			this.stream = request.stream;
			this.streamOptions = request.streamOptions;
			this.extra.putAll(request.extra);
		}

		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Appends a message to the conversation.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Replaces the conversation.
		 * @param messages the messages
		 * @return this builder
		 */
		public Builder messages(List<ChatMessage> messages) {
			this.messages.clear();
			this.messages.addAll(messages);
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

		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
			this.maxCompletionTokens = maxCompletionTokens;
			return this;
		}

		public Builder stop(@Nullable List<String> stop) {
			this.stop = stop;
			return this;
		}

		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		public Builder tools(@Nullable List<ChatTool> tools) {
			this.tools = tools;
			return this;
		}

		public Builder toolChoice(@Nullable Object toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		public Builder responseFormat(@Nullable Object responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
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

		public Builder streamOptions(@Nullable StreamOptions streamOptions) {
			this.streamOptions = streamOptions;
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

		public ChatCompletionRequest build() {
			return new ChatCompletionRequest(this.model, this.messages, this.temperature, this.topP, this.maxTokens,
					this.maxCompletionTokens, this.stop, this.n, this.tools, this.toolChoice, this.responseFormat,
					this.reasoningEffort, this.seed, this.user, this.stream, this.streamOptions, this.extra);
		}

	}

}
