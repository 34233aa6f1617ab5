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
 * One event of a streamed message. One class covers every event type, and which fields
 * are set depends on {@link #type()}:
 * <ul>
 * <li>{@code message_start}: {@link #message()}, the message with no content yet and the
 * input token counts;</li>
 * <li>{@code content_block_start}: {@link #index()} and {@link #contentBlock()};</li>
 * <li>{@code content_block_delta}: {@link #index()} and {@link #delta()};</li>
 * <li>{@code content_block_stop}: {@link #index()};</li>
 * <li>{@code message_delta}: {@link #delta()} with the stop reason and {@link #usage()}
 * with cumulative counts;</li>
 * <li>{@code message_stop}: nothing, and the stream ends after it.</li>
 * </ul>
 * The stream never emits {@code ping} or {@code error} events: pings are dropped and an
 * error event fails the stream. An event type this version does not know is emitted with
 * its fields in {@link #extra()}.
 */
public final class MessageStreamEvent extends JsonModel {

	@Nullable Type type;

	@Nullable Message message;

	@Nullable Integer index;

	@JsonProperty("content_block")
	@Nullable ContentBlock contentBlock;

	@Nullable MessageDelta delta;

	@Nullable MessageUsage usage;

	@Nullable ApiError error;

	@Nullable public Type type() {
		return this.type;
	}

	/**
	 * Returns the message shell of a {@code message_start} event.
	 * @return the message, or {@code null}
	 */
	@Nullable public Message message() {
		return this.message;
	}

	/**
	 * Returns the position of the content block a block event refers to.
	 * @return the index, or {@code null} for message-level events
	 */
	@Nullable public Integer index() {
		return this.index;
	}

	/**
	 * Returns the block a {@code content_block_start} event opens, with empty text or
	 * input that later deltas fill.
	 * @return the block, or {@code null}
	 */
	@Nullable public ContentBlock contentBlock() {
		return this.contentBlock;
	}

	@Nullable public MessageDelta delta() {
		return this.delta;
	}

	/**
	 * Returns the cumulative token counts of a {@code message_delta} event.
	 * @return the usage, or {@code null}
	 */
	@Nullable public MessageUsage usage() {
		return this.usage;
	}

	/**
	 * Returns the error of an {@code error} event. The stream fails on such an event, so
	 * an emitted event has none.
	 * @return the error, or {@code null}
	 */
	@Nullable public ApiError error() {
		return this.error;
	}

	/**
	 * Returns the text a {@code text_delta} adds.
	 * @return the text piece, or {@code null} for other events
	 */
	@Nullable public String text() {
		return (this.delta != null && MessageDelta.Type.TEXT_DELTA.equals(this.delta.type)) ? this.delta.text : null;
	}

	/**
	 * The error of an {@code error} event or an error body.
	 */
	public static final class ApiError extends JsonModel {

		@Nullable String type;

		@Nullable String message;

		/**
		 * Returns the error type.
		 * @return the type, such as {@code overloaded_error}, or {@code null}
		 */
		@Nullable public String type() {
			return this.type;
		}

		@Nullable public String message() {
			return this.message;
		}

	}

	/**
	 * The type of a stream event. Open: a type this version does not know is kept as-is.
	 *
	 * @param value the wire value
	 */
	@JsonDeserialize(using = Type.Deserializer.class)
	public record Type(@JsonValue String value) {

		private static final OpenValues<Type> VALUES = new OpenValues<>(Type::new);

		/** The first event: the message shell with input token counts. */
		public static final Type MESSAGE_START = VALUES.register("message_start");

		/** A content block opens at an index. */
		public static final Type CONTENT_BLOCK_START = VALUES.register("content_block_start");

		/** A content block changes. */
		public static final Type CONTENT_BLOCK_DELTA = VALUES.register("content_block_delta");

		/** A content block is complete. */
		public static final Type CONTENT_BLOCK_STOP = VALUES.register("content_block_stop");

		/** The stop reason and the final output token count. */
		public static final Type MESSAGE_DELTA = VALUES.register("message_delta");

		/** The last event of a complete stream. */
		public static final Type MESSAGE_STOP = VALUES.register("message_stop");

		/** A keep-alive, dropped by the decoder. */
		public static final Type PING = VALUES.register("ping");

		/** An error that ends the stream, turned into an exception by the decoder. */
		public static final Type ERROR = VALUES.register("error");

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
