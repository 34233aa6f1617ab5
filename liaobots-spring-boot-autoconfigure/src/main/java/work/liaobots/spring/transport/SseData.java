package work.liaobots.spring.transport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.ObjectReader;

/**
 * The {@code data} of one server-sent event as raw UTF-8 bytes, valid until the reader
 * moves on to the next event.
 * <p>
 * Small events sit in one reused array. Data above {@value #SEGMENT_SIZE} bytes (a
 * streamed image) grows in fixed segments instead of a doubling array, so a 20 MB event
 * costs about 20 MB, not the 48 MB a grow-and-copy array needs at its peak.
 */
public final class SseData {

	/**
	 * Size of one segment of a large event: just under 1 MiB, so that with its array
	 * header it fills one G1 region of 1 MiB instead of spilling into a second one. With
	 * a full 1 MiB a streamed 20 MB image held about 28 MB more heap (G1, 1 GiB heap).
	 */
	static final int SEGMENT_SIZE = 1024 * 1024 - 64;

	/**
	 * Shortest run of base64 characters in which a {@code -} or {@code _} counts as
	 * URL-safe base64 rather than as part of a name or an id.
	 */
	private static final int BASE64_RUN = 64;

	/**
	 * Size of the array a new stream starts with; most events are a few hundred bytes,
	 * and the array doubles up to {@link #SEGMENT_SIZE} for larger ones.
	 */
	private static final int INITIAL_SIZE = 1024;

	private static final int RETAINED_SIZE = 64 * 1024;

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private final List<byte[]> fullSegments = new ArrayList<>(0);

	private byte[] current = new byte[INITIAL_SIZE];

	private int currentLength;

	private long length;

	void append(byte[] source, int offset, int count) {
		while (count > 0) {
			if (this.currentLength == this.current.length) {
				makeRoom(count);
			}
			int copied = Math.min(count, this.current.length - this.currentLength);
			System.arraycopy(source, offset, this.current, this.currentLength, copied);
			this.currentLength += copied;
			this.length += copied;
			offset += copied;
			count -= copied;
		}
	}

	void append(byte value) {
		if (this.currentLength == this.current.length) {
			makeRoom(1);
		}
		this.current[this.currentLength++] = value;
		this.length++;
	}

	private void makeRoom(int needed) {
		if (this.fullSegments.isEmpty() && this.current.length < SEGMENT_SIZE) {
			long wanted = Math.max((long) this.current.length * 2, (long) this.currentLength + needed);
			byte[] grown = new byte[(int) Math.min(wanted, SEGMENT_SIZE)];
			System.arraycopy(this.current, 0, grown, 0, this.currentLength);
			this.current = grown;
			return;
		}
		this.fullSegments.add(this.current);
		this.current = new byte[SEGMENT_SIZE];
		this.currentLength = 0;
	}

	void reset() {
		if (!this.fullSegments.isEmpty() || this.current.length > RETAINED_SIZE) {
			this.fullSegments.clear();
			this.current = new byte[INITIAL_SIZE];
		}
		this.currentLength = 0;
		this.length = 0;
	}

	/**
	 * Returns the number of data bytes.
	 * @return the length
	 */
	public long length() {
		return this.length;
	}

	/**
	 * Returns whether the data is exactly {@code [DONE]}, the end marker some streams
	 * send.
	 * @return {@code true} for the end marker
	 */
	public boolean isDone() {
		if (this.length != DONE.length) {
			return false;
		}
		for (int i = 0; i < DONE.length; i++) {
			if (this.current[i] != DONE[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Parses the data as JSON, straight from the bytes.
	 * @param <T> the target type
	 * @param reader a reader for the target type
	 * @return the parsed value
	 */
	public <T> T parse(ObjectReader reader) {
		if (this.fullSegments.isEmpty()) {
			return reader.readValue(this.current, 0, this.currentLength);
		}
		return reader.readValue(inputStream());
	}

	/**
	 * Parses the data as JSON, dropping each segment of a large event as soon as the
	 * parser has read past it. A value built from the event, such as a decoded image,
	 * then does not have to fit in memory beside the whole event. The data cannot be read
	 * again during this event.
	 * @param <T> the target type
	 * @param reader a reader for the target type
	 * @return the parsed value
	 */
	public <T> T parseReleasing(ObjectReader reader) {
		if (this.fullSegments.isEmpty()) {
			return parse(reader);
		}
		return reader.readValue(new ReleasingInputStream());
	}

	/**
	 * Returns whether the data may hold URL-safe base64: a {@code -} or {@code _} inside
	 * a run of at least {@value #BASE64_RUN} base64 characters. Shorter runs are names,
	 * ids or model versions.
	 * @return {@code true} if a base64 value may use the URL-safe alphabet
	 */
	public boolean mayContainUrlSafeBase64() {
		int run = 0;
		boolean urlSafeInRun = false;
		for (int i = 0; i <= this.fullSegments.size(); i++) {
			byte[] bytes = (i < this.fullSegments.size()) ? this.fullSegments.get(i) : this.current;
			int length = (i < this.fullSegments.size()) ? bytes.length : this.currentLength;
			for (int j = 0; j < length; j++) {
				byte value = bytes[j];
				if (isBase64(value)) {
					run++;
					urlSafeInRun = urlSafeInRun || value == '-' || value == '_';
					if (urlSafeInRun && run >= BASE64_RUN) {
						return true;
					}
				}
				else {
					run = 0;
					urlSafeInRun = false;
				}
			}
		}
		return false;
	}

	private static boolean isBase64(byte value) {
		return (value >= 'A' && value <= 'Z') || (value >= 'a' && value <= 'z') || (value >= '0' && value <= '9')
				|| value == '+' || value == '/' || value == '-' || value == '_';
	}

	/**
	 * Returns the data as a stream, without copying it.
	 * @return a stream over the data bytes
	 */
	public InputStream inputStream() {
		List<InputStream> parts = new ArrayList<>(this.fullSegments.size() + 1);
		for (byte[] segment : this.fullSegments) {
			parts.add(new ByteArrayInputStream(segment));
		}
		parts.add(new ByteArrayInputStream(this.current, 0, this.currentLength));
		return new SequenceInputStream(Collections.enumeration(parts));
	}

	/**
	 * Decodes the data as UTF-8.
	 * @return the data as text
	 */
	public String asString() {
		if (this.fullSegments.isEmpty()) {
			return new String(this.current, 0, this.currentLength, StandardCharsets.UTF_8);
		}
		byte[] all = new byte[Math.toIntExact(this.length)];
		int position = 0;
		for (byte[] segment : this.fullSegments) {
			System.arraycopy(segment, 0, all, position, segment.length);
			position += segment.length;
		}
		System.arraycopy(this.current, 0, all, position, this.currentLength);
		return new String(all, StandardCharsets.UTF_8);
	}

	/**
	 * Reads the segments, then the current array, and drops each segment once read.
	 */
	private final class ReleasingInputStream extends InputStream {

		private int segment;

		private int position;

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == 1) ? one[0] & 0xFF : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			List<byte[]> segments = SseData.this.fullSegments;
			while (this.segment < segments.size()) {
				byte[] bytes = segments.get(this.segment);
				if (this.position < bytes.length) {
					return copy(bytes, bytes.length, target, offset, length);
				}
				segments.set(this.segment++, null);
				this.position = 0;
			}
			if (this.position < SseData.this.currentLength) {
				return copy(SseData.this.current, SseData.this.currentLength, target, offset, length);
			}
			return (length == 0) ? 0 : -1;
		}

		private int copy(byte[] source, int sourceLength, byte[] target, int offset, int length) {
			int count = Math.min(length, sourceLength - this.position);
			System.arraycopy(source, this.position, target, offset, count);
			this.position += count;
			return count;
		}

	}

	@Override
	public String toString() {
		return (this.length <= 200) ? asString() : "<" + this.length + " bytes>";
	}

}
