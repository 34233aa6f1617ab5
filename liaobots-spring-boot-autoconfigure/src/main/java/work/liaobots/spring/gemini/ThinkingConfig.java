package work.liaobots.spring.gemini;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * Thinking settings: how much the model reasons before it responds.
 *
 * @param includeThoughts whether the response carries thought summaries, as parts whose
 * {@link Part#thought()} is {@code true}
 * @param thinkingBudget the thinking tokens allowed (Gemini 2.5): 0 turns thinking off
 * where the model allows it, -1 lets the model decide
 * @param thinkingLevel the thinking depth (Gemini 3), such as {@code low} or {@code high}
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThinkingConfig(@Nullable Boolean includeThoughts, @Nullable Integer thinkingBudget,
		@Nullable String thinkingLevel, @JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	/** Thought summaries on, with the model's default thinking budget. */
	public static final ThinkingConfig INCLUDE_THOUGHTS = new ThinkingConfig(true, null, null, null);

	public ThinkingConfig {
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a configuration with a thinking budget.
	 * @param tokens the thinking tokens allowed
	 * @return the configuration
	 */
	public static ThinkingConfig budget(int tokens) {
		return new ThinkingConfig(null, tokens, null, null);
	}

}
