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

	static final int SEGMENT_SIZE = 1024 * 1024;

	private static final int INITIAL_SIZE = 4096;

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

	@Override
	public String toString() {
		return (this.length <= 200) ? asString() : "<" + this.length + " bytes>";
	}

}
