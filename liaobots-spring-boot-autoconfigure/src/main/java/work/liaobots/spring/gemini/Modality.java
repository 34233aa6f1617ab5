package work.liaobots.spring.gemini;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.OpenValues;

/**
 * A kind of content: what a request tells the model to produce in
 * {@link GenerationConfig#responseModalities()}, and what token counts are broken down
 * by. Open: a value this version does not know is kept as-is.
 *
 * @param value the wire value
 */
public record Modality(@JsonValue String value) {

	private static final OpenValues<Modality> VALUES = new OpenValues<>(Modality::new);

	/** Text. */
	public static final Modality TEXT = VALUES.register("TEXT");

	/** Images. */
	public static final Modality IMAGE = VALUES.register("IMAGE");

	/** Audio. */
	public static final Modality AUDIO = VALUES.register("AUDIO");

	/** Video, in token counts. */
	public static final Modality VIDEO = VALUES.register("VIDEO");

	/** Documents such as PDF, in token counts. */
	public static final Modality DOCUMENT = VALUES.register("DOCUMENT");

	/**
	 * Returns the modality for a wire value.
	 * @param value the wire value
	 * @return the modality, or {@code null} for {@code null} or an empty string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static Modality of(@Nullable String value) {
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
