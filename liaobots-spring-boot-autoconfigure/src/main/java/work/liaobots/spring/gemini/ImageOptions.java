package work.liaobots.spring.gemini;

import org.jspecify.annotations.Nullable;

/**
 * Options of {@link GeminiService#generateImage(String, ImageOptions)}. A {@code null}
 * value keeps the default.
 *
 * @param model the image model, or {@code null} for {@code liaobots.gemini.image-model}
 * @param aspectRatio the width-to-height ratio, or {@code null} for the model's default
 * (1:1)
 * @param imageSize the resolution, or {@code null} for the model's default (1K)
 */
public record ImageOptions(@Nullable String model, @Nullable AspectRatio aspectRatio, @Nullable ImageSize imageSize) {

	private static final ImageOptions DEFAULTS = new ImageOptions(null, null, null);

	/**
	 * Returns options that keep every default.
	 * @return the default options
	 */
	public static ImageOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Creates options with a shape and resolution for the default image model.
	 * @param aspectRatio the ratio, or {@code null}
	 * @param imageSize the resolution, or {@code null}
	 * @return the options
	 */
	public static ImageOptions of(@Nullable AspectRatio aspectRatio, @Nullable ImageSize imageSize) {
		return new ImageOptions(null, aspectRatio, imageSize);
	}

	public ImageOptions withModel(@Nullable String model) {
		return new ImageOptions(model, this.aspectRatio, this.imageSize);
	}

	public ImageOptions withAspectRatio(@Nullable AspectRatio aspectRatio) {
		return new ImageOptions(this.model, aspectRatio, this.imageSize);
	}

	public ImageOptions withImageSize(@Nullable ImageSize imageSize) {
		return new ImageOptions(this.model, this.aspectRatio, imageSize);
	}

}
