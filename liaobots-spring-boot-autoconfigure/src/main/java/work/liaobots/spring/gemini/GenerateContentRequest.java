package work.liaobots.spring.gemini;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A Gemini {@code generateContent} request. Build one with {@link #builder()}. A field
 * left {@code null} is not sent.
 * <p>
 * The model travels in the URL path, not in the body, but it belongs to the request here
 * so one object describes the whole call. A request without a model uses
 * {@code liaobots.gemini.default-model}.
 *
 * @param model the model, such as {@code gemini-2.5-flash}, or {@code null} for the
 * default, with or without a {@code models/} prefix
 * @param contents the conversation so far, oldest turn first
 * @param systemInstruction instructions for the model, usually one text part without a
 * role
 * @param generationConfig sampling and output settings
 * @param tools functions and built-in tools the model may use
 * @param toolConfig how the model uses the tools
 * @param safetySettings safety filter thresholds
 * @param extra fields this class does not declare, such as {@code cachedContent}, sent as
 * they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateContentRequest(@JsonIgnore @Nullable String model, List<Content> contents,
		@Nullable Content systemInstruction, @Nullable GenerationConfig generationConfig, @Nullable List<Tool> tools,
		@Nullable ToolConfig toolConfig, @Nullable List<SafetySetting> safetySettings,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public GenerateContentRequest {
		contents = (contents != null) ? List.copyOf(contents) : List.of();
		tools = (tools != null) ? List.copyOf(tools) : null;
		safetySettings = (safetySettings != null) ? List.copyOf(safetySettings) : null;
		extra = JsonMaps.copyOf(extra);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Creates a request with one user text turn for the default model.
	 * @param prompt the user text
	 * @return the request
	 */
	public static GenerateContentRequest of(String prompt) {
		return of(null, prompt);
	}

	/**
	 * Creates a request with one user text turn.
	 * @param model the model, or {@code null} for the default
	 * @param prompt the user text
	 * @return the request
	 */
	public static GenerateContentRequest of(@Nullable String model, String prompt) {
		return builder().model(model).content(Content.user(prompt)).build();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link GenerateContentRequest}.
	 */
	public static final class Builder {

		@Nullable private String model;

		private final List<Content> contents = new ArrayList<>();

		@Nullable private Content systemInstruction;

		@Nullable private GenerationConfig generationConfig;

		@Nullable private List<Tool> tools;

		@Nullable private ToolConfig toolConfig;

		@Nullable private List<SafetySetting> safetySettings;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(GenerateContentRequest request) {
			this.model = request.model;
			this.contents.addAll(request.contents);
			this.systemInstruction = request.systemInstruction;
			this.generationConfig = request.generationConfig;
			this.tools = request.tools;
			this.toolConfig = request.toolConfig;
			this.safetySettings = request.safetySettings;
			this.extra.putAll(request.extra);
		}

		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Appends a turn to the conversation.
		 * @param content the turn
		 * @return this builder
		 */
		public Builder content(Content content) {
			this.contents.add(content);
			return this;
		}

		/**
		 * Appends a user turn with one text part.
		 * @param text the text
		 * @return this builder
		 */
		public Builder userText(String text) {
			return content(Content.user(text));
		}

		/**
		 * Replaces the conversation.
		 * @param contents the turns
		 * @return this builder
		 */
		public Builder contents(List<Content> contents) {
			this.contents.clear();
			this.contents.addAll(contents);
			return this;
		}

		public Builder systemInstruction(@Nullable Content systemInstruction) {
			this.systemInstruction = systemInstruction;
			return this;
		}

		/**
		 * Sets a text system instruction.
		 * @param text the instruction
		 * @return this builder
		 */
		public Builder systemInstruction(String text) {
			return systemInstruction(Content.of(null, Part.text(text)));
		}

		public Builder generationConfig(@Nullable GenerationConfig generationConfig) {
			this.generationConfig = generationConfig;
			return this;
		}

		/**
		 * Appends a tool entry.
		 * @param tool the tool
		 * @return this builder
		 */
		public Builder tool(Tool tool) {
			List<Tool> all = (this.tools != null) ? new ArrayList<>(this.tools) : new ArrayList<>();
			all.add(tool);
			this.tools = all;
			return this;
		}

		public Builder tools(@Nullable List<Tool> tools) {
			this.tools = tools;
			return this;
		}

		public Builder toolConfig(@Nullable ToolConfig toolConfig) {
			this.toolConfig = toolConfig;
			return this;
		}

		public Builder safetySettings(@Nullable List<SafetySetting> safetySettings) {
			this.safetySettings = safetySettings;
			return this;
		}

		/**
		 * Adds a field this class does not declare, sent as it is.
		 * @param name the JSON field name, in lowerCamelCase
		 * @param value the value
		 * @return this builder
		 */
		public Builder extra(String name, Object value) {
			this.extra.put(name, value);
			return this;
		}

		public GenerateContentRequest build() {
			return new GenerateContentRequest(this.model, this.contents, this.systemInstruction, this.generationConfig,
					this.tools, this.toolConfig, this.safetySettings, this.extra);
		}

	}

}
