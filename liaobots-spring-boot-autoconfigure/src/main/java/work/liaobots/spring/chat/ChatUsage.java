package work.liaobots.spring.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * Token counts of a chat completion. A count the server left out is {@code null}.
 */
public final class ChatUsage extends JsonModel {

	@JsonProperty("prompt_tokens")
	@Nullable Integer promptTokens;

	@JsonProperty("completion_tokens")
	@Nullable Integer completionTokens;

	@JsonProperty("total_tokens")
	@Nullable Integer totalTokens;

	@JsonProperty("prompt_tokens_details")
	@Nullable PromptTokensDetails promptTokensDetails;

	@JsonProperty("completion_tokens_details")
	@Nullable CompletionTokensDetails completionTokensDetails;

	@Nullable public Integer promptTokens() {
		return this.promptTokens;
	}

	@Nullable public Integer completionTokens() {
		return this.completionTokens;
	}

	@Nullable public Integer totalTokens() {
		return this.totalTokens;
	}

	@Nullable public PromptTokensDetails promptTokensDetails() {
		return this.promptTokensDetails;
	}

	@Nullable public CompletionTokensDetails completionTokensDetails() {
		return this.completionTokensDetails;
	}

	/**
	 * Breakdown of the prompt tokens.
	 */
	public static final class PromptTokensDetails extends JsonModel {

		@JsonProperty("cached_tokens")
		@Nullable Integer cachedTokens;

		@JsonProperty("audio_tokens")
		@Nullable Integer audioTokens;

		/**
		 * Returns the prompt tokens served from the provider's cache.
		 * @return the count, or {@code null}
		 */
		@Nullable public Integer cachedTokens() {
			return this.cachedTokens;
		}

		@Nullable public Integer audioTokens() {
			return this.audioTokens;
		}

	}

	/**
	 * Breakdown of the completion tokens.
	 */
	public static final class CompletionTokensDetails extends JsonModel {

		@JsonProperty("reasoning_tokens")
		@Nullable Integer reasoningTokens;

		@JsonProperty("audio_tokens")
		@Nullable Integer audioTokens;

		@JsonProperty("accepted_prediction_tokens")
		@Nullable Integer acceptedPredictionTokens;

		@JsonProperty("rejected_prediction_tokens")
		@Nullable Integer rejectedPredictionTokens;

		/**
		 * Returns the tokens a reasoning model spent thinking.
		 * @return the count, or {@code null}
		 */
		@Nullable public Integer reasoningTokens() {
			return this.reasoningTokens;
		}

		@Nullable public Integer audioTokens() {
			return this.audioTokens;
		}

		@Nullable public Integer acceptedPredictionTokens() {
			return this.acceptedPredictionTokens;
		}

		@Nullable public Integer rejectedPredictionTokens() {
			return this.rejectedPredictionTokens;
		}

	}

}
