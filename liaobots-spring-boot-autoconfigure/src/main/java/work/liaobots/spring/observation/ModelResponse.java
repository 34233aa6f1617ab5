package work.liaobots.spring.observation;

import org.jspecify.annotations.Nullable;

/**
 * A response that names the model that produced it and the tokens it used, in a form
 * common to every format, so metrics work the same for each.
 */
public interface ModelResponse {

	/**
	 * Returns the model that answered, as the response names it.
	 * @return the model, or {@code null} when the response names none
	 */
	@Nullable String responseModel();

	/**
	 * Returns the tokens the call used.
	 * @return the usage, or {@code null} when the response reports none
	 */
	@Nullable TokenUsage tokenUsage();

}
