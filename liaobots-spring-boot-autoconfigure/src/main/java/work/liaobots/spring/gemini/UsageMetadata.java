package work.liaobots.spring.gemini;

import java.util.List;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * Token counts of a call. Gemini omits counts that are zero, so an absent count reads as
 * 0. In a stream every chunk carries the counts so far, and the last chunk's counts are
 * the call's.
 */
public final class UsageMetadata extends JsonModel {

	@Nullable Integer promptTokenCount;

	@Nullable Integer candidatesTokenCount;

	@Nullable Integer thoughtsTokenCount;

	@Nullable Integer cachedContentTokenCount;

	@Nullable Integer toolUsePromptTokenCount;

	@Nullable Integer totalTokenCount;

	@Nullable List<ModalityTokenCount> promptTokensDetails;

	@Nullable List<ModalityTokenCount> candidatesTokensDetails;

	@Nullable List<ModalityTokenCount> cacheTokensDetails;

	@Nullable List<ModalityTokenCount> toolUsePromptTokensDetails;

	UsageMetadata() {
	}

	/**
	 * Returns the prompt tokens, cached ones included.
	 * @return the count
	 */
	public int promptTokenCount() {
		return orZero(this.promptTokenCount);
	}

	/**
	 * Returns the tokens of all candidates, thinking excluded.
	 * @return the count
	 */
	public int candidatesTokenCount() {
		return orZero(this.candidatesTokenCount);
	}

	/**
	 * Returns the tokens the model spent thinking.
	 * @return the count
	 */
	public int thoughtsTokenCount() {
		return orZero(this.thoughtsTokenCount);
	}

	/**
	 * Returns the prompt tokens served from cached content.
	 * @return the count
	 */
	public int cachedContentTokenCount() {
		return orZero(this.cachedContentTokenCount);
	}

	/**
	 * Returns the tokens of tool results fed back to the model, such as search results.
	 * @return the count
	 */
	public int toolUsePromptTokenCount() {
		return orZero(this.toolUsePromptTokenCount);
	}

	/**
	 * Returns the total token count of the call, thinking included.
	 * @return the count
	 */
	public int totalTokenCount() {
		return orZero(this.totalTokenCount);
	}

	public List<ModalityTokenCount> promptTokensDetails() {
		return GeminiJson.readOnly(this.promptTokensDetails);
	}

	public List<ModalityTokenCount> candidatesTokensDetails() {
		return GeminiJson.readOnly(this.candidatesTokensDetails);
	}

	public List<ModalityTokenCount> cacheTokensDetails() {
		return GeminiJson.readOnly(this.cacheTokensDetails);
	}

	public List<ModalityTokenCount> toolUsePromptTokensDetails() {
		return GeminiJson.readOnly(this.toolUsePromptTokensDetails);
	}

	private static int orZero(@Nullable Integer count) {
		return (count != null) ? count : 0;
	}

	/**
	 * The tokens of one modality, such as the image tokens of the candidates.
	 */
	public static final class ModalityTokenCount extends JsonModel {

		@Nullable Modality modality;

		@Nullable Integer tokenCount;

		ModalityTokenCount() {
		}

		@Nullable public Modality modality() {
			return this.modality;
		}

		public int tokenCount() {
			return orZero(this.tokenCount);
		}

	}

}
