package work.liaobots.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;

import work.liaobots.benchmarks.Workload.Format;

/**
 * Throughput of long streams and time to first event, for the starter, the raw baseline
 * and the peer client, measured in alternating order within one run.
 */
final class StreamingBenchmarks {

	private static final Duration STREAM_LIMIT = Duration.ofMinutes(5);

	private static final int FIRST_EVENT_TOKENS = 10;

	private final StarterClient starter;

	private final RawClient raw;

	private final PeerClient peer;

	private final Settings settings;

	StreamingBenchmarks(StarterClient starter, RawClient raw, PeerClient peer, Settings settings) {
		this.starter = starter;
		this.raw = raw;
		this.peer = peer;
		this.settings = settings;
	}

	/**
	 * Streams {@link Settings#streamTokens()} tokens per format through each client. Each
	 * round runs the starter and the raw baseline back to back, in alternating order, and
	 * the ratio is taken within the round, so load from elsewhere on the machine touches
	 * both sides of a ratio alike.
	 */
	void throughput(Report report, boolean perEventWrites) {
		int tokens = this.settings.streamTokens();
		String model = "bench-" + tokens + (perEventWrites ? "-each" : "");
		Map<Format, List<Double>> starterRates = new EnumMap<>(Format.class);
		Map<Format, List<Double>> rawRates = new EnumMap<>(Format.class);
		Map<Format, List<Double>> ratios = new EnumMap<>(Format.class);
		Map<Format, List<Double>> starterCpu = new EnumMap<>(Format.class);
		Map<Format, List<Double>> rawCpu = new EnumMap<>(Format.class);
		Map<Format, List<Double>> cpuRatios = new EnumMap<>(Format.class);
		List<Double> peerRates = new ArrayList<>();
		List<Double> peerRatios = new ArrayList<>();
		List<Double> peerCpu = new ArrayList<>();
		int rounds = this.settings.warmupRounds() + this.settings.rounds();
		for (int round = 0; round < rounds; round++) {
			boolean measured = round >= this.settings.warmupRounds();
			for (Format format : Format.values()) {
				Supplier<Measurement> starterRun = () -> rate(format, tokens,
						() -> this.starter.streamText(format, model));
				Supplier<Measurement> rawRun = () -> rate(format, tokens, () -> this.raw.streamText(format, model));
				Measurement starterResult;
				Measurement rawResult;
				if (round % 2 == 0) {
					starterResult = starterRun.get();
					rawResult = rawRun.get();
				}
				else {
					rawResult = rawRun.get();
					starterResult = starterRun.get();
				}
				Measurement peerResult = (format == Format.CHAT) ? peerRate(tokens, model) : null;
				if (measured) {
					add(starterRates, format, starterResult.eventsPerSecond());
					add(rawRates, format, rawResult.eventsPerSecond());
					add(ratios, format, starterResult.eventsPerSecond() / rawResult.eventsPerSecond());
					add(starterCpu, format, starterResult.cpuPerEvent());
					add(rawCpu, format, rawResult.cpuPerEvent());
					add(cpuRatios, format, rawResult.cpuPerEvent() / starterResult.cpuPerEvent());
					if (peerResult != null) {
						peerRates.add(peerResult.eventsPerSecond());
						peerRatios.add(starterResult.eventsPerSecond() / peerResult.eventsPerSecond());
						peerCpu.add(peerResult.cpuPerEvent());
					}
				}
			}
		}
		report.heading("Streaming throughput, " + tokens + " events per stream, "
				+ (perEventWrites ? "one server write per event" : "16 KiB server writes"));
		report.line("Events per second, median (min–max) of " + this.settings.rounds() + " rounds after "
				+ this.settings.warmupRounds() + " warm-up rounds; ratios are taken within each round. "
				+ "CPU: this JVM's CPU time per event, all threads, nanoseconds; raw CPU / starter CPU "
				+ "is the starter's efficiency against the raw baseline, less sensitive to other load.");
		report.line("");
		report.row("format", "starter events/s", "raw events/s", "starter / raw", "peer events/s", "starter / peer",
				"CPU ns/event starter", "raw", "peer", "raw CPU / starter CPU");
		report.row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---");
		for (Format format : Format.values()) {
			boolean chat = format == Format.CHAT;
			report.row(format.name().toLowerCase(), new Stats(starterRates.get(format)).medianAndRange("%.0f"),
					new Stats(rawRates.get(format)).medianAndRange("%.0f"),
					new Stats(ratios.get(format)).medianAndRange("%.2f"),
					chat ? new Stats(peerRates).medianAndRange("%.0f") : "–",
					chat ? new Stats(peerRatios).medianAndRange("%.2f") : "–",
					Stats.format("%.0f", new Stats(starterCpu.get(format)).median()),
					Stats.format("%.0f", new Stats(rawCpu.get(format)).median()),
					chat ? Stats.format("%.0f", new Stats(peerCpu).median()) : "–",
					new Stats(cpuRatios.get(format)).medianAndRange("%.2f"));
		}
	}

	private static void add(Map<Format, List<Double>> values, Format format, double value) {
		values.computeIfAbsent(format, (key) -> new ArrayList<>()).add(value);
	}

	/**
	 * Streams once and returns the events per second and the CPU time this JVM spent per
	 * event, all threads included, in nanoseconds.
	 */
	private Measurement rate(Format format, int tokens, Supplier<Flux<String>> stream) {
		long cpuStart = processCpuNanos();
		long start = System.nanoTime();
		Tally tally = stream.get().reduce(new Tally(), Tally::add).block(STREAM_LIMIT);
		long elapsed = System.nanoTime() - start;
		long cpu = processCpuNanos() - cpuStart;
		tally.verify(format, tokens);
		return new Measurement(tally.events() * 1e9 / elapsed, (double) cpu / tally.events());
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * One stream's events per second and CPU nanoseconds per event.
	 */
	private record Measurement(double eventsPerSecond, double cpuPerEvent) {

	}

	private Measurement peerRate(int tokens, String model) {
		long cpuStart = processCpuNanos();
		long start = System.nanoTime();
		Tally tally = this.peer.stream(model, new Tally());
		long elapsed = System.nanoTime() - start;
		long cpu = processCpuNanos() - cpuStart;
		tally.verify(Format.CHAT, tokens);
		return new Measurement(tally.events() * 1e9 / elapsed, (double) cpu / tally.events());
	}

	/**
	 * Measures the time from subscribing to a chat stream to its first event, over a
	 * pooled keep-alive connection, for each client in turn. Each stream is read to its
	 * end, so the connection goes back to the pool.
	 */
	void firstEvent(Report report) {
		String model = "bench-" + FIRST_EVENT_TOKENS;
		int warmups = this.settings.smoke() ? 2 : 100;
		List<Double> starterTimes = new ArrayList<>();
		List<Double> rawTimes = new ArrayList<>();
		List<Double> peerTimes = new ArrayList<>();
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < warmups + this.settings.firstEventRequests(); i++) {
			double starterTime = firstEventNanos(this.starter.streamText(Format.CHAT, model)) / 1e6;
			double rawTime = firstEventNanos(this.raw.streamText(Format.CHAT, model)) / 1e6;
			double peerTime = this.peer.firstChunkNanos(model) / 1e6;
			if (i >= warmups) {
				starterTimes.add(starterTime);
				rawTimes.add(rawTime);
				peerTimes.add(peerTime);
				differences.add(starterTime - rawTime);
			}
		}
		report.heading("Time to first event over loopback, chat");
		report.line(this.settings.firstEventRequests() + " streams per client after " + warmups
				+ " warm-up streams, clients interleaved, milliseconds.");
		report.line("");
		report.row("client", "median", "p90", "min", "max");
		report.row("---", "---", "---", "---", "---");
		row(report, "starter", new Stats(starterTimes));
		row(report, "raw", new Stats(rawTimes));
		row(report, "peer", new Stats(peerTimes));
		Stats difference = new Stats(differences);
		report.line("");
		report.line("Starter minus raw, paired per request: median " + Stats.format("%.3f", difference.median())
				+ " ms, p90 " + Stats.format("%.3f", difference.percentile(90)) + " ms.");
	}

	private static void row(Report report, String client, Stats stats) {
		report.row(client, Stats.format("%.3f", stats.median()), Stats.format("%.3f", stats.percentile(90)),
				Stats.format("%.3f", stats.min()), Stats.format("%.3f", stats.max()));
	}

	private static long firstEventNanos(Flux<String> stream) {
		long[] first = { -1 };
		long[] start = { 0 };
		Tally tally = Flux.defer(() -> {
			start[0] = System.nanoTime();
			return stream;
		}).doOnNext((text) -> {
			if (first[0] < 0) {
				first[0] = System.nanoTime() - start[0];
			}
		}).reduce(new Tally(), Tally::add).block(STREAM_LIMIT);
		tally.verify(Format.CHAT, FIRST_EVENT_TOKENS);
		return first[0];
	}

}
