package work.liaobots.spring.gemini;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * Shape and resolution of generated images.
 *
 * @param aspectRatio the width-to-height ratio, or {@code null} for the model's default
 * (1:1)
 * @param imageSize the resolution, or {@code null} for the model's default (1K)
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageConfig(@Nullable AspectRatio aspectRatio, @Nullable ImageSize imageSize,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public ImageConfig {
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates an image configuration.
	 * @param aspectRatio the ratio, or {@code null}
	 * @param imageSize the resolution, or {@code null}
	 * @return the configuration
	 */
	public static ImageConfig of(@Nullable AspectRatio aspectRatio, @Nullable ImageSize imageSize) {
		return new ImageConfig(aspectRatio, imageSize, null);
	}

}
