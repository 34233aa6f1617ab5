package work.liaobots.spring.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Extended thinking settings of a request.
 *
 * @param type {@code enabled} or {@code disabled}
 * @param budgetTokens the tokens the model may spend thinking, at least 1,024 and below
 * {@code max_tokens}
 * @param display {@code summarized} (the API's default) or {@code omitted}, which redacts
 * the thinking text but still returns its signature
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThinkingConfig(String type, @JsonProperty("budget_tokens") @Nullable Integer budgetTokens,
		@Nullable String display) {

	/**
	 * Returns settings that let the model think before it responds.
	 * @param budgetTokens the thinking budget in tokens
	 * @return the settings
	 */
	public static ThinkingConfig enabled(int budgetTokens) {
		return new ThinkingConfig("enabled", budgetTokens, null);
	}

	public static ThinkingConfig disabled() {
		return new ThinkingConfig("disabled", null, null);
	}

	/**
	 * Returns a copy with a display mode.
	 * @param display {@code summarized} or {@code omitted}
	 * @return the new settings
	 */
	public ThinkingConfig withDisplay(String display) {
		return new ThinkingConfig(this.type, this.budgetTokens, display);
	}

}
