package work.liaobots.spring.gemini;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.BinaryNode;

import work.liaobots.spring.json.JsonModel;

/**
 * Inline media of a {@link Part}: a MIME type and the decoded bytes, such as a generated
 * image.
 * <p>
 * On the wire the bytes are a base64 string. A response's string is decoded straight from
 * the JSON parser's input, so a 20 MB image never exists as a {@code java.lang.String},
 * and Jackson's string-length cap does not apply to it (checked with Jackson 3.1).
 * Reading accepts standard base64 with or without padding. A reader set to
 * {@link Base64Variants#MODIFIED_FOR_URL} reads the URL-safe alphabet instead, and
 * {@link GeminiService} falls back to such a reader when the standard alphabet fails.
 * Writing produces standard base64 with padding, the default variant of the client's
 * mapper.
 */
public final class Blob extends JsonModel {

	@Nullable String mimeType;

	@JsonSerialize(using = Base64Serializer.class)
	@JsonDeserialize(using = Base64Deserializer.class)
	byte @Nullable [] data;

	Blob() {
	}

	/**
	 * Creates a blob from a copy of {@code bytes}.
	 * @param mimeType the IANA MIME type, such as {@code image/png}
	 * @param bytes the raw bytes, not base64
	 * @return the blob
	 */
	public static Blob of(String mimeType, byte[] bytes) {
		Blob blob = new Blob();
		blob.mimeType = Objects.requireNonNull(mimeType, "'mimeType' must not be null");
		blob.data = Objects.requireNonNull(bytes, "'bytes' must not be null").clone();
		return blob;
	}

	@Nullable public String mimeType() {
		return this.mimeType;
	}

	/**
	 * Returns a copy of the bytes. Use {@link #writeTo(OutputStream)},
	 * {@link #inputStream()} or {@link #asReadOnlyBuffer()} to read large media without
	 * the copy.
	 * @return a new array, empty when the part carried no data
	 */
	public byte[] bytes() {
		return (this.data != null) ? this.data.clone() : new byte[0];
	}

	/**
	 * Returns the number of decoded bytes.
	 * @return the size in bytes
	 */
	public int size() {
		return (this.data != null) ? this.data.length : 0;
	}

	/**
	 * Returns whether the MIME type names an image, such as {@code image/png} or
	 * {@code image/jpeg}.
	 * @return {@code true} for images
	 */
	public boolean isImage() {
		return this.mimeType != null && this.mimeType.regionMatches(true, 0, "image/", 0, 6);
	}

	/**
	 * Returns a stream over the bytes, without copying them.
	 * @return a new stream
	 */
	public InputStream inputStream() {
		return (this.data != null) ? new ByteArrayInputStream(this.data) : InputStream.nullInputStream();
	}

	/**
	 * Returns a read-only view of the bytes, without copying them.
	 * @return a new buffer positioned at the first byte
	 */
	public ByteBuffer asReadOnlyBuffer() {
		return ((this.data != null) ? ByteBuffer.wrap(this.data) : ByteBuffer.allocate(0)).asReadOnlyBuffer();
	}

	/**
	 * Writes the bytes to a stream, which stays open.
	 * @param output the stream
	 * @throws IOException if writing fails
	 */
	public void writeTo(OutputStream output) throws IOException {
		if (this.data != null) {
			output.write(this.data);
		}
	}

	/**
	 * Writes the bytes to a file, replacing it if it exists.
	 * @param file the file
	 * @return {@code file}
	 * @throws IOException if writing fails
	 */
	public Path writeTo(Path file) throws IOException {
		return Files.write(file, (this.data != null) ? this.data : new byte[0]);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Blob blob)) {
			return false;
		}
		return Objects.equals(this.mimeType, blob.mimeType) && Arrays.equals(this.data, blob.data)
				&& extra().equals(blob.extra());
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.mimeType, Arrays.hashCode(this.data), extra());
	}

	/**
	 * Returns the MIME type and size only, so logging a response never prints megabytes
	 * of base64.
	 * @return for example {@code Blob[image/png, 6000000 bytes]}
	 */
	@Override
	public String toString() {
		return "Blob[" + this.mimeType + ", " + size() + " bytes]";
	}

	/**
	 * Decodes a base64 string from the parser's input without building the string. The
	 * reader's base64 variant picks the alphabet, and padding is optional in the standard
	 * one.
	 * <p>
	 * NOTE: padded URL-safe base64 is rejected, because Jackson 3.1's
	 * {@code MODIFIED_FOR_URL} variant has no padding character to allow. Google sends
	 * URL-safe base64 without padding.
	 */
	static final class Base64Deserializer extends ValueDeserializer<byte[]> {

		private static final Base64Variant STANDARD = Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed();

		private static final Base64Variant URL_SAFE = Base64Variants.MODIFIED_FOR_URL.withPaddingAllowed();

		@Override
		public byte[] deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
				Object embedded = parser.getEmbeddedObject();
				if (embedded instanceof byte[] bytes) {
					return bytes;
				}
				if (embedded instanceof JsonNode node && node.isBinary()) {
					return node.binaryValue();
				}
			}
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (byte[]) context.handleUnexpectedToken(byte[].class, parser);
			}
			Base64Variant variant = isUrlSafe(context.getBase64Variant()) ? URL_SAFE : STANDARD;
			return parser.getBinaryValue(variant);
		}

		private static boolean isUrlSafe(Base64Variant variant) {
			return variant.getName().equals(Base64Variants.MODIFIED_FOR_URL.getName());
		}

	}

	/**
	 * Writes the bytes as a binary node, or as a size placeholder when the writer carries
	 * the {@link GeminiJson#SUMMARY} attribute.
	 * <p>
	 * A JSON generator writes a binary node as base64 in the mapper's default variant,
	 * which the client's mapper leaves at standard base64 with padding. A tree keeps the
	 * node, whose equality compares the bytes. Jackson 3.1 turns a plain
	 * {@code writeBinary} into a POJO node there, whose equality compares array identity,
	 * so two equal responses would differ in {@link JsonModel#equals(Object)}.
	 */
	static final class Base64Serializer extends ValueSerializer<byte[]> {

		@Override
		public void serialize(byte[] value, JsonGenerator generator, SerializationContext context) {
			if (context.getAttribute(GeminiJson.SUMMARY) != null) {
				generator.writeString("<" + value.length + " bytes>");
				return;
			}
			generator.writeTree(BinaryNode.valueOf(value));
		}

	}

}
