package work.liaobots.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import work.liaobots.benchmarks.Workload.Format;

/**
 * The raw baseline, the practical limit of a client on this stack: Reactor Netty's
 * {@link HttpClient} reading the same bytes, splitting lines at byte level and parsing
 * each {@code data:} line with Jackson into a tree. It has no retries, timeouts, error
 * mapping, typed models or accumulators, and it reads only what the benchmark server
 * sends: LF line ends and one {@code data:} line per event.
 */
final class RawClient implements AutoCloseable {

	/**
	 * Jackson with its per-thread buffer pool, the fastest for parsing on event-loop
	 * threads, and no cap on string length, so the base64 image parses.
	 */
	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
			.recyclerPool(JsonRecyclerPools.threadLocalPool())
			.build())
		.build();

	private final ConnectionProvider connections;

	private final HttpClient client;

	RawClient(URI baseUrl) {
		this.connections = ConnectionProvider.builder("raw-baseline")
			.maxConnections(2500)
			.pendingAcquireMaxCount(-1)
			.build();
		this.client = HttpClient.create(this.connections)
			.baseUrl(baseUrl.toString())
			.responseTimeout(Duration.ofMinutes(5))
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + StarterClient.AUTHCODE)
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.ACCEPT, "text/event-stream"));
	}

	/**
	 * Streams a format's response as JSON trees, one per event.
	 */
	Flux<JsonNode> stream(Format format, String model) {
		byte[] body = format.streamBody(model).getBytes(StandardCharsets.UTF_8);
		return Flux.defer(() -> {
			LineSplitter splitter = new LineSplitter();
			return this.client.post()
				.uri(format.streamPath(model))
				.send(ByteBufFlux.fromInbound(Mono.just(body)))
				.responseContent()
				.concatMapIterable(splitter::events);
		});
	}

	/**
	 * Streams a format's response and reduces it to the text each event carries.
	 */
	Flux<String> streamText(Format format, String model) {
		return stream(format, model).map((event) -> text(format, event));
	}

	/**
	 * Reads a Gemini response as one JSON body and returns the image it carries, decoded.
	 */
	Mono<byte[]> image(String model) {
		byte[] body = Format.GEMINI.streamBody(model).getBytes(StandardCharsets.UTF_8);
		return this.client.post()
			.uri("/v1beta/models/" + model + ":generateContent")
			.send(ByteBufFlux.fromInbound(Mono.just(body)))
			.responseSingle((response, content) -> content.asByteArray())
			.map((bytes) -> imageOf(MAPPER.readTree(bytes)));
	}

	/**
	 * Reads a streamed Gemini response and returns the image it carries, decoded.
	 */
	Mono<byte[]> streamedImage(String model) {
		return stream(Format.GEMINI, model).map(RawClient::imageOf).filter((image) -> image.length > 0).last();
	}

	private static byte[] imageOf(JsonNode response) {
		for (JsonNode part : response.path("candidates").path(0).path("content").path("parts")) {
			JsonNode data = part.path("inlineData").path("data");
			if (data.isString()) {
				return Base64.getDecoder().decode(data.asString());
			}
		}
		return new byte[0];
	}

	/**
	 * Returns the text an event adds, read from its tree as each format places it.
	 */
	static String text(Format format, JsonNode event) {
		JsonNode text = switch (format) {
			case CHAT -> event.path("choices").path(0).path("delta").path("content");
			case RESPONSES ->
				event.path("type").asString("").equals("response.output_text.delta") ? event.path("delta") : null;
			case MESSAGES -> event.path("delta").path("type").asString("").equals("text_delta")
					? event.path("delta").path("text") : null;
			case GEMINI -> event.path("candidates").path(0).path("content").path("parts").path(0).path("text");
		};
		return (text != null && text.isString()) ? text.asString() : "";
	}

	@Override
	public void close() {
		this.connections.dispose();
	}

	/**
	 * Splits network reads into lines and parses each {@code data:} line. A line cut
	 * between two reads waits in {@link #pending}.
	 */
	private static final class LineSplitter {

		private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

		private byte[] pending = new byte[8192];

		private int pendingLength;

		private byte[] scratch = new byte[8192];

		List<JsonNode> events(ByteBuf buffer) {
			List<JsonNode> events = null;
			int position = buffer.readerIndex();
			int end = buffer.writerIndex();
			while (position < end) {
				int lineEnd = buffer.indexOf(position, end, (byte) '\n');
				if (lineEnd < 0) {
					append(buffer, position, end - position);
					break;
				}
				JsonNode event;
				if (this.pendingLength > 0) {
					append(buffer, position, lineEnd - position);
					event = parseLine(this.pending, 0, this.pendingLength);
					this.pendingLength = 0;
				}
				else {
					int length = lineEnd - position;
					if (this.scratch.length < length) {
						this.scratch = new byte[Math.max(length, this.scratch.length * 2)];
					}
					buffer.getBytes(position, this.scratch, 0, length);
					event = parseLine(this.scratch, 0, length);
				}
				if (event != null) {
					if (events == null) {
						events = new ArrayList<>();
					}
					events.add(event);
				}
				position = lineEnd + 1;
			}
			return (events != null) ? events : Collections.emptyList();
		}

		private void append(ByteBuf buffer, int index, int length) {
			if (this.pending.length < this.pendingLength + length) {
				byte[] grown = new byte[Math.max(this.pending.length * 2, this.pendingLength + length)];
				System.arraycopy(this.pending, 0, grown, 0, this.pendingLength);
				this.pending = grown;
			}
			buffer.getBytes(index, this.pending, this.pendingLength, length);
			this.pendingLength += length;
		}

		private static JsonNode parseLine(byte[] line, int offset, int length) {
			if (!startsWith(line, offset, length, DATA)) {
				return null;
			}
			int start = offset + DATA.length;
			if (start < offset + length && line[start] == ' ') {
				start++;
			}
			int valueLength = offset + length - start;
			if (valueLength == DONE.length && startsWith(line, start, valueLength, DONE)) {
				return null;
			}
			return MAPPER.readTree(line, start, valueLength);
		}

		private static boolean startsWith(byte[] line, int offset, int length, byte[] prefix) {
			if (length < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if (line[offset + i] != prefix[i]) {
					return false;
				}
			}
			return true;
		}

	}

}
