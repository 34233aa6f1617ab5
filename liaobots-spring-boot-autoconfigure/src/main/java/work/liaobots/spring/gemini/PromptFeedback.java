package work.liaobots.spring.gemini;

import java.util.List;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * The safety verdict on the prompt. When {@link #blockReason()} is set, the response has
 * no candidates.
 */
public final class PromptFeedback extends JsonModel {

	@Nullable BlockReason blockReason;

	@Nullable String blockReasonMessage;

	@Nullable List<SafetyRating> safetyRatings;

	PromptFeedback() {
	}

	/**
	 * Returns why the prompt was rejected.
	 * @return the reason, or {@code null} when it was not
	 */
	@Nullable public BlockReason blockReason() {
		return this.blockReason;
	}

	@Nullable public String blockReasonMessage() {
		return this.blockReasonMessage;
	}

	public List<SafetyRating> safetyRatings() {
		return GeminiJson.readOnly(this.safetyRatings);
	}

}
