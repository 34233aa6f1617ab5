package work.liaobots.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import work.liaobots.benchmarks.Workload.Format;

/**
 * The server every benchmark reads from, on a free port of 127.0.0.1, run in a JVM of its
 * own so that its work and garbage never count against a client.
 * <p>
 * The model a request names picks the response:
 * <ul>
 * <li>{@code bench-<tokens>} streams a text response of that many tokens in 16 KiB
 * writes;</li>
 * <li>{@code bench-<tokens>-each} does the same with one write per event, as a live model
 * does;</li>
 * <li>{@code hold-<tokens>} sends the first half of the events, then waits until
 * {@code POST /bench/release} before sending the rest;</li>
 * <li>{@code image-<bytes>} returns a Gemini response with an image of that many bytes,
 * streamed or as one JSON body.</li>
 * </ul>
 * Bodies are built once per model and sent from memory without copying. The server prints
 * {@code READY <port>} when it listens, and exits when its standard input closes, so it
 * never outlives the benchmark that started it.
 */
public final class BenchmarkServer {

	static final String READY = "READY ";

	static final String RELEASE_PATH = "/bench/release";

	private static final int WRITE_SIZE = 16 * 1024;

	private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

	private final Map<String, Body> bodies = new ConcurrentHashMap<>();

	private final AtomicReference<Sinks.Empty<Void>> release = new AtomicReference<>(Sinks.empty());

	private BenchmarkServer() {
	}

	public static void main(String[] args) throws IOException {
		BenchmarkServer benchmarkServer = new BenchmarkServer();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.handle(benchmarkServer::handle)
			.bindNow(Duration.ofSeconds(10));
		System.out.println(READY + server.port());
		System.out.flush();
		InputStream input = System.in;
		while (input.read() != -1) {
			// The parent never writes; end of input means it is gone.
		}
		server.disposeNow(Duration.ofSeconds(5));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((text) -> {
			if (request.uri().equals(RELEASE_PATH)) {
				this.release.getAndSet(Sinks.empty()).tryEmitEmpty();
				return response.status(HttpResponseStatus.NO_CONTENT).send();
			}
			Format format = format(request.uri());
			String model = model(format, request.uri(), text);
			if (format == null || model == null) {
				return response.status(HttpResponseStatus.NOT_FOUND).sendString(Mono.just("{}")).then();
			}
			boolean streamed = format != Format.GEMINI || request.uri().contains(":streamGenerateContent");
			Body body = this.bodies.computeIfAbsent(format + " " + model + " " + streamed,
					(key) -> Body.build(format, model, streamed));
			return send(response, model, body, streamed);
		});
	}

	private Mono<Void> send(HttpServerResponse response, String model, Body body, boolean streamed) {
		if (!streamed) {
			return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.bytes.length))
				.send(Mono.just(Unpooled.wrappedBuffer(body.bytes)))
				.then();
		}
		response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
			.header(HttpHeaderNames.CACHE_CONTROL, "no-cache");
		Flux<ByteBuf> writes;
		if (model.startsWith("hold-")) {
			int half = body.eventEnds.size() / 2;
			int middle = body.eventEnds.get(half - 1);
			Mono<Void> released = this.release.get().asMono();
			writes = body.writes(0, middle, false)
				.concatWith(released.thenMany(body.writes(middle, body.bytes.length, false)));
		}
		else {
			writes = body.writes(0, body.bytes.length, model.endsWith("-each"));
		}
		return Mono.from(response.sendHeaders()).then(response.send(writes, (buffer) -> true).then());
	}

	private static Format format(String uri) {
		for (Format format : Format.values()) {
			if (format.matches(uri)) {
				return format;
			}
		}
		return null;
	}

	private static String model(Format format, String uri, String body) {
		if (format == Format.GEMINI) {
			int start = uri.indexOf("/models/") + "/models/".length();
			int end = uri.indexOf(':', start);
			return (end > start) ? uri.substring(start, end) : null;
		}
		Matcher matcher = MODEL.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * A body and where each of its events ends.
	 */
	private static final class Body {

		private final byte[] bytes;

		private final List<Integer> eventEnds;

		private Body(byte[] bytes) {
			this.bytes = bytes;
			this.eventEnds = eventEnds(bytes);
		}

		static Body build(Format format, String model, boolean streamed) {
			String[] parts = model.split("-");
			int size = Integer.parseInt(parts[1]);
			if (parts[0].equals("image")) {
				return new Body(Workload.image(size, streamed));
			}
			return new Body(Workload.stream(format, model, size));
		}

		/**
		 * Returns slices of the body from {@code start} to {@code end}, either in 16 KiB
		 * writes or one write per event. Slices share the body's array.
		 */
		Flux<ByteBuf> writes(int start, int end, boolean perEvent) {
			List<int[]> ranges = new ArrayList<>();
			if (perEvent) {
				int from = start;
				for (int eventEnd : this.eventEnds) {
					if (eventEnd > start && eventEnd <= end) {
						ranges.add(new int[] { from, eventEnd - from });
						from = eventEnd;
					}
				}
			}
			else {
				for (int from = start; from < end; from += WRITE_SIZE) {
					ranges.add(new int[] { from, Math.min(WRITE_SIZE, end - from) });
				}
			}
			return Flux.fromIterable(ranges).map((range) -> Unpooled.wrappedBuffer(this.bytes, range[0], range[1]));
		}

		private static List<Integer> eventEnds(byte[] bytes) {
			List<Integer> ends = new ArrayList<>();
			for (int i = 1; i < bytes.length; i++) {
				if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
					ends.add(i + 1);
				}
			}
			return ends;
		}

	}

}
