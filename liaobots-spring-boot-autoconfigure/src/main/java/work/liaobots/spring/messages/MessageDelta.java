package work.liaobots.spring.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.json.OpenValues;
import work.liaobots.spring.json.OpenValueDeserializer;

/**
 * The {@code delta} of a stream event. One class covers both kinds:
 * <ul>
 * <li>in {@code content_block_delta}, a change to one block, typed by {@link #type()}:
 * {@code text_delta} ({@link #text()}), {@code input_json_delta}
 * ({@link #partialJson()}), {@code thinking_delta} ({@link #thinking()}),
 * {@code signature_delta} ({@link #signature()}) or {@code citations_delta}
 * ({@link #citation()});</li>
 * <li>in {@code message_delta}, the message's final {@link #stopReason()},
 * {@link #stopSequence()} and {@link #stopDetails()}, with no type.</li>
 * </ul>
 */
public final class MessageDelta extends JsonModel {

	@Nullable Type type;

	@Nullable String text;

	@JsonProperty("partial_json")
	@Nullable String partialJson;

	@Nullable String thinking;

	@Nullable String signature;

	@Nullable Object citation;

	@JsonProperty("stop_reason")
	@Nullable StopReason stopReason;

	@JsonProperty("stop_sequence")
	@Nullable String stopSequence;

	@JsonProperty("stop_details")
	@Nullable StopDetails stopDetails;

	/**
	 * Returns the kind of block change.
	 * @return the type, or {@code null} in a {@code message_delta}
	 */
	@Nullable public Type type() {
		return this.type;
	}

	/**
	 * Returns the text to append to a {@code text} block.
	 * @return the text piece, or {@code null}
	 */
	@Nullable public String text() {
		return this.text;
	}

	/**
	 * Returns a piece of a tool input's JSON. Pieces are not valid JSON on their own, so
	 * join all pieces of one block before parsing.
	 * @return the piece, or {@code null}
	 */
	@Nullable public String partialJson() {
		return this.partialJson;
	}

	/**
	 * Returns the text to append to a {@code thinking} block.
	 * @return the thinking piece, or {@code null}
	 */
	@Nullable public String thinking() {
		return this.thinking;
	}

	/**
	 * Returns the signature of a {@code thinking} block, which replaces any earlier one.
	 * @return the signature, or {@code null}
	 */
	@Nullable public String signature() {
		return this.signature;
	}

	/**
	 * Returns a citation to add to a {@code text} block, as a JSON object (map).
	 * @return the citation, or {@code null}
	 */
	@Nullable public Object citation() {
		return this.citation;
	}

	/**
	 * Returns why the message stopped, in a {@code message_delta}.
	 * @return the reason, or {@code null}
	 */
	@Nullable public StopReason stopReason() {
		return this.stopReason;
	}

	@Nullable public String stopSequence() {
		return this.stopSequence;
	}

	@Nullable public StopDetails stopDetails() {
		return this.stopDetails;
	}

	/**
	 * The kind of change a {@code content_block_delta} makes. Open: a kind this version
	 * does not know is kept as-is.
	 *
	 * @param value the wire value
	 */
	@JsonDeserialize(using = Type.Deserializer.class)
	public record Type(@JsonValue String value) {

		private static final OpenValues<Type> VALUES = new OpenValues<>(Type::new);

		/** Text appended to a {@code text} block. */
		public static final Type TEXT_DELTA = VALUES.register("text_delta");

		/** A piece of a tool input's JSON. */
		public static final Type INPUT_JSON_DELTA = VALUES.register("input_json_delta");

		/** Text appended to a {@code thinking} block. */
		public static final Type THINKING_DELTA = VALUES.register("thinking_delta");

		/** The signature of a {@code thinking} block. */
		public static final Type SIGNATURE_DELTA = VALUES.register("signature_delta");

		/** A citation added to a {@code text} block. */
		public static final Type CITATIONS_DELTA = VALUES.register("citations_delta");

		/**
		 * Returns the type for a wire value.
		 * @param value the wire value
		 * @return the type, or {@code null} for {@code null} or an empty string
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		@Nullable public static Type of(@Nullable String value) {
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

		/**
		 * Compares the wire values. Known values are interned, so identity decides most
		 * comparisons: stream decoders compare types several times per event, and the
		 * generated record equality showed up in their profiles.
		 */
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Type type && this.value.equals(type.value));
		}

		@Override
		public int hashCode() {
			return this.value.hashCode();
		}

		/**
		 * Reads the value through {@link #of(String)} without Jackson's creator
		 * machinery.
		 */
		static final class Deserializer extends OpenValueDeserializer<Type> {

			Deserializer() {
				super(Type.class, Type::of);
			}

		}

	}

}
