package work.liaobots.spring.gemini;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * The likelihood that a prompt or response falls into one harm category.
 */
public final class SafetyRating extends JsonModel {

	@Nullable String category;

	@Nullable String probability;

	@Nullable Boolean blocked;

	SafetyRating() {
	}

	/**
	 * Returns the harm category, such as {@code HARM_CATEGORY_HARASSMENT}.
	 * @return the category, or {@code null}
	 */
	@Nullable public String category() {
		return this.category;
	}

	/**
	 * Returns the probability, such as {@code NEGLIGIBLE}, {@code LOW}, {@code MEDIUM} or
	 * {@code HIGH}.
	 * @return the probability, or {@code null}
	 */
	@Nullable public String probability() {
		return this.probability;
	}

	/**
	 * Returns whether this rating blocked the content.
	 * @return {@code true} when blocked
	 */
	public boolean blocked() {
		return Boolean.TRUE.equals(this.blocked);
	}

}
