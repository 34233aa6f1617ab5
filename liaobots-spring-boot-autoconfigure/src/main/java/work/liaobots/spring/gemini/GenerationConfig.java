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
 * Sampling and output settings of a request. Build one with {@link #builder()}. A field
 * left {@code null} is not sent and the model's default applies.
 *
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling probability mass
 * @param topK the number of most likely tokens sampled from
 * @param maxOutputTokens the maximum tokens of a response
 * @param candidateCount how many candidates to generate
 * @param stopSequences sequences that end the response
 * @param responseMimeType {@code text/plain}, or {@code application/json} for JSON output
 * @param responseModalities what to produce, such as {@code [TEXT, IMAGE]} for an image
 * model
 * @param imageConfig shape and resolution of generated images
 * @param thinkingConfig how much the model thinks
 * @param extra fields this class does not declare, such as {@code responseSchema} or
 * {@code seed}, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationConfig(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK,
		@Nullable Integer maxOutputTokens, @Nullable Integer candidateCount, @Nullable List<String> stopSequences,
		@Nullable String responseMimeType, @Nullable List<Modality> responseModalities,
		@Nullable ImageConfig imageConfig, @Nullable ThinkingConfig thinkingConfig,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public GenerationConfig {
		stopSequences = (stopSequences != null) ? List.copyOf(stopSequences) : null;
		responseModalities = (responseModalities != null) ? List.copyOf(responseModalities) : null;
		extra = JsonMaps.copyOf(extra);
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link GenerationConfig}.
	 */
	public static final class Builder {

		@Nullable private Double temperature;

		@Nullable private Double topP;

		@Nullable private Integer topK;

		@Nullable private Integer maxOutputTokens;

		@Nullable private Integer candidateCount;

		@Nullable private List<String> stopSequences;

		@Nullable private String responseMimeType;

		@Nullable private List<Modality> responseModalities;

		@Nullable private ImageConfig imageConfig;

		@Nullable private ThinkingConfig thinkingConfig;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(GenerationConfig config) {
			this.temperature = config.temperature;
			this.topP = config.topP;
			this.topK = config.topK;
			this.maxOutputTokens = config.maxOutputTokens;
			this.candidateCount = config.candidateCount;
			this.stopSequences = config.stopSequences;
			this.responseMimeType = config.responseMimeType;
			this.responseModalities = config.responseModalities;
			this.imageConfig = config.imageConfig;
			this.thinkingConfig = config.thinkingConfig;
			this.extra.putAll(config.extra);
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

		public Builder maxOutputTokens(@Nullable Integer maxOutputTokens) {
			this.maxOutputTokens = maxOutputTokens;
			return this;
		}

		public Builder candidateCount(@Nullable Integer candidateCount) {
			this.candidateCount = candidateCount;
			return this;
		}

		public Builder stopSequences(@Nullable List<String> stopSequences) {
			this.stopSequences = stopSequences;
			return this;
		}

		public Builder responseMimeType(@Nullable String responseMimeType) {
			this.responseMimeType = responseMimeType;
			return this;
		}

		public Builder responseModalities(Modality... modalities) {
			this.responseModalities = List.of(modalities);
			return this;
		}

		public Builder responseModalities(@Nullable List<Modality> modalities) {
			this.responseModalities = modalities;
			return this;
		}

		public Builder imageConfig(@Nullable ImageConfig imageConfig) {
			this.imageConfig = imageConfig;
			return this;
		}

		public Builder thinkingConfig(@Nullable ThinkingConfig thinkingConfig) {
			this.thinkingConfig = thinkingConfig;
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

		public GenerationConfig build() {
			return new GenerationConfig(this.temperature, this.topP, this.topK, this.maxOutputTokens,
					this.candidateCount, this.stopSequences, this.responseMimeType, this.responseModalities,
					this.imageConfig, this.thinkingConfig, this.extra);
		}

	}

}
