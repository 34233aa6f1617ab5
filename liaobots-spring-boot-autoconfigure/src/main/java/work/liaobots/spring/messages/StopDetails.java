package work.liaobots.spring.messages;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * Structured information about why a message stopped, sent with a {@code refusal} stop
 * reason.
 */
public final class StopDetails extends JsonModel {

	@Nullable String type;

	@Nullable String category;

	@Nullable String explanation;

	/**
	 * Returns the kind of details.
	 * @return the type, such as {@code refusal}, or {@code null}
	 */
	@Nullable public String type() {
		return this.type;
	}

	/**
	 * Returns the policy category that triggered a refusal.
	 * @return the category, or {@code null} when the refusal names none
	 */
	@Nullable public String category() {
		return this.category;
	}

	/**
	 * Returns a human-readable explanation whose wording may change between requests.
	 * @return the explanation, or {@code null}
	 */
	@Nullable public String explanation() {
		return this.explanation;
	}

}
