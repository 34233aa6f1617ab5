package work.liaobots.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.publisher.Flux;

import work.liaobots.benchmarks.Workload.Format;

/**
 * Many chat streams open at once on one client: whether all complete with the right
 * content, the heap each open stream holds, and the time for all of them.
 */
final class ConcurrencyBenchmark {

	private static final Duration LIMIT = Duration.ofMinutes(5);

	private static final double KB = 1024;

	private final URI baseUrl;

	private final Settings settings;

	ConcurrencyBenchmark(URI baseUrl, Settings settings) {
		this.baseUrl = baseUrl;
		this.settings = settings;
	}

	/**
	 * Runs the held and free-running cases for the starter and the raw baseline.
	 * @param starter streams chat text through the starter
	 * @param raw streams chat text through the raw baseline
	 */
	void run(Report report, Function<String, Flux<String>> starter, Function<String, Flux<String>> raw) {
		int streams = this.settings.concurrentStreams();
		int tokens = this.settings.concurrentTokens();
		report.heading("Concurrency: " + streams + " chat streams of " + tokens + " tokens at once");
		report.line("Held: the server sends half of each stream and waits until all streams reached that point; "
				+ "the heap is read after full collections and compared with the level before the streams "
				+ "opened, a cold pool included. Free-running: all streams start together and run to their end, "
				+ "median (min–max) of " + this.settings.concurrencyRounds() + " rounds.");
		report.line("");
		report.row("client", "streams complete and correct", "heap per open stream", "all streams, seconds");
		report.row("---", "---", "---", "---");
		row(report, "starter", starter, streams, tokens);
		row(report, "raw", raw, streams, tokens);
	}

	private void row(Report report, String client, Function<String, Flux<String>> streamer, int streams, int tokens) {
		long perStream = heldHeapPerStream(streamer, streams, tokens);
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < this.settings.concurrencyRounds(); i++) {
			long start = System.nanoTime();
			runAll(streamer, "bench-" + tokens, streams, tokens);
			seconds.add((System.nanoTime() - start) / 1e9);
		}
		report.row(client, streams + " of " + streams, Stats.format("%.1f KB", perStream / KB),
				new Stats(seconds).medianAndRange("%.2f"));
	}

	/**
	 * Opens every stream of a {@code hold-} model, waits until each delivered its first
	 * half, reads the heap, then lets the server finish and checks every stream.
	 */
	private long heldHeapPerStream(Function<String, Flux<String>> streamer, int streams, int tokens) {
		long idle = HeapMeter.usedAfterGc();
		long firstHalf = (Format.CHAT.events(tokens) + 1) / 2;
		AtomicLong delivered = new AtomicLong();
		Flux<Tally> all = Flux.range(0, streams)
			.flatMap((i) -> streamer.apply("hold-" + tokens)
				.doOnNext((text) -> delivered.incrementAndGet())
				.reduce(new Tally(), Tally::add), streams);
		var result = all.collectList().toFuture();
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (delivered.get() < firstHalf * streams) {
			if (System.nanoTime() > deadline || result.isDone()) {
				throw new IllegalStateException("Held streams delivered " + delivered.get() + " of "
						+ firstHalf * streams + " events" + (result.isDone() ? " and ended" : ""));
			}
			HeapMeter.sleep(10);
		}
		long held = HeapMeter.usedAfterGc();
		release();
		List<Tally> tallies = result.orTimeout(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
		verify(tallies, streams, tokens);
		return (held - idle) / streams;
	}

	private static void runAll(Function<String, Flux<String>> streamer, String model, int streams, int tokens) {
		List<Tally> tallies = Flux.range(0, streams)
			.flatMap((i) -> streamer.apply(model).reduce(new Tally(), Tally::add), streams)
			.collectList()
			.block(LIMIT);
		verify(tallies, streams, tokens);
	}

	private static void verify(List<Tally> tallies, int streams, int tokens) {
		if (tallies.size() != streams) {
			throw new IllegalStateException(tallies.size() + " of " + streams + " streams completed");
		}
		tallies.forEach((tally) -> tally.verify(Format.CHAT, tokens));
	}

	private void release() {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(BenchmarkServer.RELEASE_PATH))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
