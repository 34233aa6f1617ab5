package work.liaobots.spring.gemini;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.OpenValues;

/**
 * The resolution of a generated image: {@code 1K} (the default), {@code 2K} or
 * {@code 4K}. Values are sent upper-case, as Google's SDK documents them. The gateway's
 * own example writes {@code "2k"}, so {@link #of(String)} upper-cases what it is given.
 * <p>
 * NOTE: whether the gateway accepts both cases is not established. Upper case is the form
 * Google's API defines.
 *
 * @param value the wire value
 */
public record ImageSize(@JsonValue String value) {

	private static final OpenValues<ImageSize> VALUES = new OpenValues<>(ImageSize::new);

	public ImageSize {
		value = value.strip().toUpperCase(Locale.ROOT);
	}

	/** About 1024 pixels on the long side. */
	public static final ImageSize SIZE_1K = VALUES.register("1K");

	/** About 2048 pixels on the long side. */
	public static final ImageSize SIZE_2K = VALUES.register("2K");

	/** About 4096 pixels on the long side. */
	public static final ImageSize SIZE_4K = VALUES.register("4K");

	/**
	 * Returns the size for a value in either case.
	 * @param value the size, such as {@code 2K} or {@code 2k}
	 * @return the size in upper case, or {@code null} for {@code null} or an empty string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static ImageSize of(@Nullable String value) {
		return VALUES.of((value != null) ? value.strip().toUpperCase(Locale.ROOT) : null);
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
