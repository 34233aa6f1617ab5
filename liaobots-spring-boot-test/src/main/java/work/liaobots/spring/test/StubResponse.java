package work.liaobots.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the stub gateway sends for one request: status, headers, body bytes, how the body
 * is cut into network writes, pauses between them, and how the exchange ends (normally,
 * kept open, closed, reset or stalled). Immutable; every modifier returns a copy.
 */
public final class StubResponse {

	/**
	 * How an exchange ends once the body (or its first bytes) went out.
	 */
	public enum Ending {

		/** The response ends normally. */
		COMPLETE,

		/** The connection stays open and silent without ending the response. */
		KEEP_OPEN,

		/** The server closes the connection (FIN) without ending the response. */
		CLOSE,

		/** The server resets the connection (RST). */
		RESET

	}

	private final int status;

	private final Map<String, String> headers;

	private final List<Write> writes;

	private final Duration headerDelay;

	private final ChunkPlan chunkPlan;

	private final Duration chunkPause;

	private final Ending ending;

	private final long endAfterBytes;

	private final boolean sendNothing;

	private final boolean closeBeforeResponse;

	private StubResponse(int status, Map<String, String> headers, List<Write> writes, Duration headerDelay,
			ChunkPlan chunkPlan, Duration chunkPause, Ending ending, long endAfterBytes, boolean sendNothing,
			boolean closeBeforeResponse) {
		this.status = status;
		this.headers = Map.copyOf(headers);
		this.writes = List.copyOf(writes);
		this.headerDelay = headerDelay;
		this.chunkPlan = chunkPlan;
		this.chunkPause = chunkPause;
		this.ending = ending;
		this.endAfterBytes = endAfterBytes;
		this.sendNothing = sendNothing;
		this.closeBeforeResponse = closeBeforeResponse;
	}

	/**
	 * Creates a 200 JSON response.
	 * @param body the JSON text
	 * @return the response
	 */
	public static StubResponse json(String body) {
		return json(200, body);
	}

	/**
	 * Creates a JSON response with a status.
	 * @param status the HTTP status
	 * @param body the JSON text
	 * @return the response
	 */
	public static StubResponse json(int status, String body) {
		return body(status, "application/json", body);
	}

	/**
	 * Creates a response with any content type, such as an HTML error page.
	 * @param status the HTTP status
	 * @param contentType the content type, or {@code null} for none
	 * @param body the body text
	 * @return the response
	 */
	public static StubResponse body(int status, String contentType, String body) {
		return body(status, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates a response with a binary body.
	 * @param status the HTTP status
	 * @param contentType the content type, or {@code null} for none
	 * @param body the body bytes
	 * @return the response
	 */
	public static StubResponse body(int status, String contentType, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (contentType != null) {
			headers.put("content-type", contentType);
		}
		return new StubResponse(status, headers, List.of(new Write(body, Duration.ZERO)), Duration.ZERO,
				ChunkPlan.WHOLE, Duration.ZERO, Ending.COMPLETE, -1, false, false);
	}

	/**
	 * Starts a server-sent-event stream.
	 * @return a builder of the stream
	 */
	public static SseBuilder sse() {
		return new SseBuilder();
	}

	/**
	 * Creates a response that never comes: the server reads the request and stays silent.
	 * @return the response
	 */
	public static StubResponse noResponse() {
		return new StubResponse(200, Map.of(), List.of(), Duration.ZERO, ChunkPlan.WHOLE, Duration.ZERO,
				Ending.KEEP_OPEN, -1, true, false);
	}

	/**
	 * Creates a response that closes the connection right after reading the request.
	 * @return the response
	 */
	public static StubResponse closeWithoutResponse() {
		return new StubResponse(200, Map.of(), List.of(), Duration.ZERO, ChunkPlan.WHOLE, Duration.ZERO, Ending.CLOSE,
				-1, false, true);
	}

	public StubResponse header(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name.toLowerCase(java.util.Locale.ROOT), value);
		return new StubResponse(this.status, copy, this.writes, this.headerDelay, this.chunkPlan, this.chunkPause,
				this.ending, this.endAfterBytes, this.sendNothing, this.closeBeforeResponse);
	}

	public StubResponse status(int status) {
		return new StubResponse(status, this.headers, this.writes, this.headerDelay, this.chunkPlan, this.chunkPause,
				this.ending, this.endAfterBytes, this.sendNothing, this.closeBeforeResponse);
	}

	/**
	 * Returns a copy that waits before sending the headers.
	 * @param delay the wait
	 * @return the response
	 */
	public StubResponse headerDelay(Duration delay) {
		return new StubResponse(this.status, this.headers, this.writes, delay, this.chunkPlan, this.chunkPause,
				this.ending, this.endAfterBytes, this.sendNothing, this.closeBeforeResponse);
	}

	/**
	 * Returns a copy that sends the body in writes of at most {@code size} bytes.
	 * @param size bytes per write, 1 for byte-by-byte
	 * @return the response
	 */
	public StubResponse chunkSize(int size) {
		return withPlan(ChunkPlan.fixed(size));
	}

	/**
	 * Returns a copy that cuts the body into writes of random sizes.
	 * @param seed the random seed, for a repeatable cut
	 * @param maxSize the largest write
	 * @return the response
	 */
	public StubResponse randomChunks(long seed, int maxSize) {
		return withPlan(ChunkPlan.random(seed, maxSize));
	}

	/**
	 * Returns a copy that cuts the whole body at the given byte offsets.
	 * @param offsets the offsets, ascending
	 * @return the response
	 */
	public StubResponse splitAt(int... offsets) {
		return withPlan(ChunkPlan.at(offsets));
	}

	/**
	 * Returns a copy that pauses between the writes the chunk plan makes.
	 * @param pause the pause
	 * @return the response
	 */
	public StubResponse chunkPause(Duration pause) {
		return new StubResponse(this.status, this.headers, this.writes, this.headerDelay, this.chunkPlan, pause,
				this.ending, this.endAfterBytes, this.sendNothing, this.closeBeforeResponse);
	}

	/**
	 * Returns a copy that leaves the connection open and silent after the body.
	 * @return the response
	 */
	public StubResponse keepOpen() {
		return endWith(Ending.KEEP_OPEN, -1);
	}

	/**
	 * Returns a copy that sends {@code bytes} body bytes, then stays silent with the
	 * connection open.
	 * @param bytes the body bytes sent
	 * @return the response
	 */
	public StubResponse stallAfter(long bytes) {
		return endWith(Ending.KEEP_OPEN, bytes);
	}

	/**
	 * Returns a copy that closes the connection (FIN) after {@code bytes} body bytes,
	 * without ending the response.
	 * @param bytes the body bytes sent, or -1 for the whole body
	 * @return the response
	 */
	public StubResponse closeAfter(long bytes) {
		return endWith(Ending.CLOSE, bytes);
	}

	/**
	 * Returns a copy that resets the connection (RST) after {@code bytes} body bytes.
	 * @param bytes the body bytes sent, or -1 for the whole body
	 * @return the response
	 */
	public StubResponse resetAfter(long bytes) {
		return endWith(Ending.RESET, bytes);
	}

	private StubResponse endWith(Ending ending, long bytes) {
		return new StubResponse(this.status, this.headers, this.writes, this.headerDelay, this.chunkPlan,
				this.chunkPause, ending, bytes, this.sendNothing, this.closeBeforeResponse);
	}

	private StubResponse withPlan(ChunkPlan plan) {
		return new StubResponse(this.status, this.headers, this.writes, this.headerDelay, plan, this.chunkPause,
				this.ending, this.endAfterBytes, this.sendNothing, this.closeBeforeResponse);
	}

	int status() {
		return this.status;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	Duration headerDelay() {
		return this.headerDelay;
	}

	Ending ending() {
		return this.ending;
	}

	boolean sendsNothing() {
		return this.sendNothing;
	}

	boolean closesBeforeResponse() {
		return this.closeBeforeResponse;
	}

	/**
	 * Returns the whole body.
	 * @return the body bytes
	 */
	public byte[] bodyBytes() {
		int length = 0;
		for (Write write : this.writes) {
			length += write.bytes().length;
		}
		byte[] all = new byte[length];
		int position = 0;
		for (Write write : this.writes) {
			System.arraycopy(write.bytes(), 0, all, position, write.bytes().length);
			position += write.bytes().length;
		}
		return all;
	}

	/**
	 * Returns whether the body goes out in one write with a known length.
	 */
	boolean isSingleWrite() {
		return this.writes.size() == 1 && this.writes.get(0).pauseBefore().isZero() && this.chunkPlan == ChunkPlan.WHOLE
				&& this.ending == Ending.COMPLETE;
	}

	/**
	 * Returns the network writes: the body cut by the chunk plan and truncated at the
	 * ending's byte count.
	 */
	List<Write> networkWrites() {
		List<Write> cut = (this.chunkPlan.offsets != null) ? cutAtOffsets() : cutEachWrite();
		return (this.endAfterBytes < 0) ? cut : truncate(cut, this.endAfterBytes);
	}

	private List<Write> cutEachWrite() {
		List<Write> result = new ArrayList<>();
		Random random = new Random(this.chunkPlan.seed);
		for (Write write : this.writes) {
			byte[] bytes = write.bytes();
			int position = 0;
			Duration pause = write.pauseBefore();
			while (position < bytes.length || (bytes.length == 0 && position == 0)) {
				int size = this.chunkPlan.nextSize(random, bytes.length - position);
				result.add(new Write(Arrays.copyOfRange(bytes, position, position + size), pause));
				position += size;
				pause = this.chunkPause;
				if (bytes.length == 0) {
					break;
				}
			}
		}
		return result;
	}

	private List<Write> cutAtOffsets() {
		byte[] all = bodyBytes();
		List<Write> result = new ArrayList<>();
		int start = 0;
		for (int offset : this.chunkPlan.offsets) {
			if (offset > start && offset < all.length) {
				result.add(new Write(Arrays.copyOfRange(all, start, offset),
						result.isEmpty() ? Duration.ZERO : this.chunkPause));
				start = offset;
			}
		}
		result.add(new Write(Arrays.copyOfRange(all, start, all.length),
				result.isEmpty() ? Duration.ZERO : this.chunkPause));
		return result;
	}

	private static List<Write> truncate(List<Write> writes, long limit) {
		List<Write> result = new ArrayList<>();
		long sent = 0;
		for (Write write : writes) {
			if (sent >= limit) {
				break;
			}
			int take = (int) Math.min(write.bytes().length, limit - sent);
			result.add(new Write(Arrays.copyOf(write.bytes(), take), write.pauseBefore()));
			sent += take;
		}
		return result;
	}

	/**
	 * One network write and the pause before it.
	 *
	 * @param bytes the bytes
	 * @param pauseBefore the pause before the write
	 */
	record Write(byte[] bytes, Duration pauseBefore) {

	}

	/**
	 * How the body is cut into writes.
	 */
	static final class ChunkPlan {

		static final ChunkPlan WHOLE = new ChunkPlan(Integer.MAX_VALUE, false, 0, null);

		private final int size;

		private final boolean random;

		private final long seed;

		private final int[] offsets;

		private ChunkPlan(int size, boolean random, long seed, int[] offsets) {
			this.size = size;
			this.random = random;
			this.seed = seed;
			this.offsets = offsets;
		}

		static ChunkPlan fixed(int size) {
			if (size < 1) {
				throw new IllegalArgumentException("chunk size must be at least 1, was " + size);
			}
			return new ChunkPlan(size, false, 0, null);
		}

		static ChunkPlan random(long seed, int maxSize) {
			if (maxSize < 1) {
				throw new IllegalArgumentException("largest chunk must be at least 1 byte, was " + maxSize);
			}
			return new ChunkPlan(maxSize, true, seed, null);
		}

		static ChunkPlan at(int... offsets) {
			return new ChunkPlan(Integer.MAX_VALUE, false, 0, offsets.clone());
		}

		int nextSize(Random generator, int remaining) {
			int limit = Math.min(this.size, remaining);
			return this.random ? 1 + generator.nextInt(Math.max(1, limit)) : Math.max(limit, 0);
		}

	}

	/**
	 * Builds a server-sent-event stream write by write.
	 */
	public static final class SseBuilder {

		private final List<Write> writes = new ArrayList<>();

		private StringBuilder current = new StringBuilder();

		private Duration pauseBeforeCurrent = Duration.ZERO;

		private String lineEnd = "\n";

		private SseBuilder() {
		}

		/**
		 * Ends every line the builder adds from now on with CR LF instead of LF.
		 * @return this builder
		 */
		public SseBuilder crlf() {
			this.lineEnd = "\r\n";
			return this;
		}

		/**
		 * Adds an event with only a {@code data} field.
		 * @param data the data, usually JSON
		 * @return this builder
		 */
		public SseBuilder data(String data) {
			this.current.append("data: ").append(data).append(this.lineEnd).append(this.lineEnd);
			return this;
		}

		/**
		 * Adds an event with an {@code event} and a {@code data} field.
		 * @param name the event name
		 * @param data the data
		 * @return this builder
		 */
		public SseBuilder event(String name, String data) {
			this.current.append("event: ").append(name).append(this.lineEnd);
			return data(data);
		}

		/**
		 * Adds {@code data: [DONE]}.
		 * @return this builder
		 */
		public SseBuilder done() {
			return data("[DONE]");
		}

		/**
		 * Adds a comment line, such as a keep-alive.
		 * @param text the comment text
		 * @return this builder
		 */
		public SseBuilder comment(String text) {
			this.current.append(':').append(text).append(this.lineEnd).append(this.lineEnd);
			return this;
		}

		/**
		 * Adds raw text exactly as given.
		 * @param text the text
		 * @return this builder
		 */
		public SseBuilder raw(String text) {
			this.current.append(text);
			return this;
		}

		/**
		 * Ends the current write; what follows goes out in a new one.
		 * @return this builder
		 */
		public SseBuilder flush() {
			return pause(Duration.ZERO);
		}

		/**
		 * Ends the current write and pauses before the next one.
		 * @param pause the pause
		 * @return this builder
		 */
		public SseBuilder pause(Duration pause) {
			if (this.current.length() > 0) {
				this.writes
					.add(new Write(this.current.toString().getBytes(StandardCharsets.UTF_8), this.pauseBeforeCurrent));
			}
			this.current = new StringBuilder();
			this.pauseBeforeCurrent = pause;
			return this;
		}

		/**
		 * Returns the stream as a 200 {@code text/event-stream} response.
		 * @return the response
		 */
		public StubResponse build() {
			pause(Duration.ZERO);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("content-type", "text/event-stream");
			headers.put("cache-control", "no-cache");
			return new StubResponse(200, headers, this.writes, Duration.ZERO, ChunkPlan.WHOLE, Duration.ZERO,
					Ending.COMPLETE, -1, false, false);
		}

	}

}
