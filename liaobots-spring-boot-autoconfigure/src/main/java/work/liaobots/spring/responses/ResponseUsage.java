package work.liaobots.spring.responses;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * Token counts of a response. A count the server left out is {@code null}. In a stream
 * only the terminal event's response carries usage.
 */
public final class ResponseUsage extends JsonModel {

	@JsonProperty("input_tokens")
	@Nullable Integer inputTokens;

	@JsonProperty("input_tokens_details")
	@Nullable InputTokensDetails inputTokensDetails;

	@JsonProperty("output_tokens")
	@Nullable Integer outputTokens;

	@JsonProperty("output_tokens_details")
	@Nullable OutputTokensDetails outputTokensDetails;

	@JsonProperty("total_tokens")
	@Nullable Integer totalTokens;

	@Nullable public Integer inputTokens() {
		return this.inputTokens;
	}

	@Nullable public InputTokensDetails inputTokensDetails() {
		return this.inputTokensDetails;
	}

	/**
	 * Returns the output tokens, reasoning tokens included.
	 * @return the count, or {@code null}
	 */
	@Nullable public Integer outputTokens() {
		return this.outputTokens;
	}

	@Nullable public OutputTokensDetails outputTokensDetails() {
		return this.outputTokensDetails;
	}

	@Nullable public Integer totalTokens() {
		return this.totalTokens;
	}

	/**
	 * Breakdown of the input tokens.
	 */
	public static final class InputTokensDetails extends JsonModel {

		@JsonProperty("cached_tokens")
		@Nullable Integer cachedTokens;

		/**
		 * Returns the input tokens served from the provider's prompt cache.
		 * @return the count, or {@code null}
		 */
		@Nullable public Integer cachedTokens() {
			return this.cachedTokens;
		}

	}

	/**
	 * Breakdown of the output tokens.
	 */
	public static final class OutputTokensDetails extends JsonModel {

		@JsonProperty("reasoning_tokens")
		@Nullable Integer reasoningTokens;

		/**
		 * Returns the tokens a reasoning model spent thinking.
		 * @return the count, or {@code null}
		 */
		@Nullable public Integer reasoningTokens() {
			return this.reasoningTokens;
		}

	}

}
