package work.liaobots.spring.gemini;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * A safety filter threshold for one harm category.
 *
 * @param category the category, such as {@code HARM_CATEGORY_HARASSMENT} or
 * {@code HARM_CATEGORY_DANGEROUS_CONTENT}
 * @param threshold what to block, such as {@code BLOCK_ONLY_HIGH}, {@code BLOCK_NONE} or
 * {@code OFF}
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetySetting(String category, String threshold,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public SafetySetting {
		extra = JsonMaps.copyOf(extra);
	}

	public static SafetySetting of(String category, String threshold) {
		return new SafetySetting(category, threshold, null);
	}

}
