package work.liaobots.spring.gemini;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.OpenValues;

/**
 * The reason Gemini rejected a prompt. A blocked prompt is an HTTP 200 response with no
 * candidates. Open: a value this version does not know is kept as-is.
 *
 * @param value the wire value
 */
public record BlockReason(@JsonValue String value) {

	private static final OpenValues<BlockReason> VALUES = new OpenValues<>(BlockReason::new);

	/** The reason was not specified. */
	public static final BlockReason BLOCKED_REASON_UNSPECIFIED = VALUES.register("BLOCKED_REASON_UNSPECIFIED");

	/** The safety filters rejected the prompt. */
	public static final BlockReason SAFETY = VALUES.register("SAFETY");

	/** Some other reason. */
	public static final BlockReason OTHER = VALUES.register("OTHER");

	/** The prompt contained a term from a blocklist. */
	public static final BlockReason BLOCKLIST = VALUES.register("BLOCKLIST");

	/** The prompt contained prohibited content. */
	public static final BlockReason PROHIBITED_CONTENT = VALUES.register("PROHIBITED_CONTENT");

	/** An image in the prompt was rejected by the safety filters. */
	public static final BlockReason IMAGE_SAFETY = VALUES.register("IMAGE_SAFETY");

	/** Model Armor rejected the prompt. */
	public static final BlockReason MODEL_ARMOR = VALUES.register("MODEL_ARMOR");

	/** The prompt was classed as a jailbreak attempt. */
	public static final BlockReason JAILBREAK = VALUES.register("JAILBREAK");

	/**
	 * Returns the reason for a wire value.
	 * @param value the wire value
	 * @return the reason, or {@code null} for {@code null} or an empty string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	@Nullable public static BlockReason of(@Nullable String value) {
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
