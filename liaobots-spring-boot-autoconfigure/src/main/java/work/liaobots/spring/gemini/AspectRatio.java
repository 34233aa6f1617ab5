package work.liaobots.spring.gemini;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.OpenValues;

/**
 * The width-to-height ratio of a generated image, such as {@code 16:9}. Open: models may
 * accept ratios this version does not list, which {@link #of(String)} passes through.
 *
 * @param value the wire value, {@code width:height}
 */
public record AspectRatio(@JsonValue String value) {

	private static final OpenValues<AspectRatio> VALUES = new OpenValues<>(AspectRatio::new);

	/** Square, 1:1 (the models' default). */
	public static final AspectRatio SQUARE = VALUES.register("1:1");

	/** Portrait, 2:3. */
	public static final AspectRatio PORTRAIT_2_3 = VALUES.register("2:3");

	/** Landscape, 3:2. */
	public static final AspectRatio LANDSCAPE_3_2 = VALUES.register("3:2");

	/** Portrait, 3:4. */
	public static final AspectRatio PORTRAIT_3_4 = VALUES.register("3:4");

	/** Landscape, 4:3. */
	public static final AspectRatio LANDSCAPE_4_3 = VALUES.register("4:3");

	/** Tall portrait, 9:16, as on phone screens. */
	public static final AspectRatio PORTRAIT_9_16 = VALUES.register("9:16");

	/** Widescreen, 16:9. */
	public static final AspectRatio LANDSCAPE_16_9 = VALUES.register("16:9");

	/** Ultrawide, 21:9. */
	public static final AspectRatio ULTRAWIDE_21_9 = VALUES.register("21:9");

	/**
	 * Returns the ratio for a wire value.
	 * @param value the ratio, {@code width:height}
	 * @return the ratio, or {@code null} for {@code null} or an empty string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static AspectRatio of(@Nullable String value) {
		return VALUES.of(value);
	}

	/**
	 * Returns whether this version of the client knows the value.
	 * @return {@code true} for the constants of this class
	 */
	public boolean isKnown() {
		return VALUES.isKnown(this.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
