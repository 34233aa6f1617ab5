package work.liaobots.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import work.liaobots.benchmarks.Workload.Format;
import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;

/**
 * Cost of a failed primary domain to the starter. The primary is a stub gateway on
 * 127.0.0.1 that either refuses connections or accepts them and never responds. The
 * secondary is the benchmark server.
 */
final class FailoverBenchmark {

	private static final String MODEL = "bench-10";

	private static final int TOKENS = 10;

	private static final Duration STALL_RESPONSE_TIMEOUT = Duration.ofMillis(500);

	private static final Duration STALL_COOLDOWN = Duration.ofSeconds(2);

	private static final int STALL_CALLERS = 8;

	private final URI secondary;

	private final Settings settings;

	FailoverBenchmark(URI secondary, Settings settings) {
		this.secondary = secondary;
		this.settings = settings;
	}

	void run(Report report) {
		refusedPrimary(report);
		stallingPrimary(report);
	}

	/**
	 * Compares the latency of a short chat stream with the secondary alone against the
	 * same stream behind a primary that refuses connections. With a zero cool-down every
	 * call tries the primary first, so each call pays for one switch. With the default
	 * cool-down only the first call after the failure pays.
	 */
	private void refusedPrimary(Report report) {
		StubGateway primary = StubGateway.start();
		URI refused = primary.baseUrl();
		primary.refuseConnections();
		int requests = this.settings.failoverRequests();
		Stats direct = latencies(this.secondary.toString(), Map.of(), requests);
		Stats everyCall = latencies(refused + "," + this.secondary, Map.of("liaobots.failover.cooldown", "0s"),
				requests);
		List<Double> defaultCooldown = new ArrayList<>();
		try (StarterClient starter = StarterClient.start(StarterClient.properties(refused + "," + this.secondary))) {
			for (int i = 0; i < requests; i++) {
				defaultCooldown.add(latencyMillis(starter));
			}
		}
		Stats afterFirst = new Stats(defaultCooldown.subList(1, defaultCooldown.size()).isEmpty() ? defaultCooldown
				: defaultCooldown.subList(1, defaultCooldown.size()));
		report.heading("Failover: primary refuses connections");
		report.line("Latency of a 10-token chat stream read to its end, " + requests
				+ " sequential calls per case after 20 warm-up calls, milliseconds.");
		report.line("");
		report.row("case", "median", "p90", "added to direct, median");
		report.row("---", "---", "---", "---");
		report.row("secondary only", Stats.format("%.2f", direct.median()), Stats.format("%.2f", direct.percentile(90)),
				"–");
		report.row("refused primary first, every call (cool-down 0 s)", Stats.format("%.2f", everyCall.median()),
				Stats.format("%.2f", everyCall.percentile(90)),
				Stats.format("%.2f", everyCall.median() - direct.median()));
		report.row("refused primary, default cool-down: first call", Stats.format("%.2f", defaultCooldown.get(0)), "–",
				Stats.format("%.2f", defaultCooldown.get(0) - direct.median()));
		report.row("refused primary, default cool-down: later calls", Stats.format("%.2f", afterFirst.median()),
				Stats.format("%.2f", afterFirst.percentile(90)),
				Stats.format("%.2f", afterFirst.median() - direct.median()));
	}

	private Stats latencies(String baseUrls, Map<String, Object> extra, int requests) {
		Map<String, Object> properties = StarterClient.properties(baseUrls);
		properties.putAll(extra);
		List<Double> latencies = new ArrayList<>();
		try (StarterClient starter = StarterClient.start(properties)) {
			for (int i = 0; i < 20 + requests; i++) {
				double latency = latencyMillis(starter);
				if (i >= 20) {
					latencies.add(latency);
				}
			}
		}
		return new Stats(latencies);
	}

	private static double latencyMillis(StarterClient starter) {
		long start = System.nanoTime();
		Tally tally = starter.streamText(Format.CHAT, MODEL).reduce(new Tally(), Tally::add).block();
		long elapsed = System.nanoTime() - start;
		tally.verify(Format.CHAT, TOKENS);
		return elapsed / 1e6;
	}

	/**
	 * Sends calls for a fixed time through a primary that accepts connections and never
	 * responds, first from one caller and then from several at once, and counts how many
	 * calls waited for the response timeout there.
	 */
	private void stallingPrimary(Report report) {
		int seconds = this.settings.stallSeconds();
		report.heading("Failover: primary accepts connections and never responds");
		report.line("Calls for " + seconds + " s each; response timeout " + STALL_RESPONSE_TIMEOUT.toMillis()
				+ " ms, cool-down " + STALL_COOLDOWN.toSeconds()
				+ " s. A timeout is a call the stalling primary received.");
		report.line("");
		report.row("callers", "calls", "all correct", "timeouts", "cool-down periods in the run", "timeouts per period",
				"timeouts in each 2 s period");
		report.row("---", "---", "---", "---", "---", "---", "---");
		stallRow(report, 1, seconds);
		stallRow(report, STALL_CALLERS, seconds);
	}

	/**
	 * Returns how many calls the stalling primary received in each cool-down period from
	 * the start of the run, such as {@code 8, 1, 0, 1, 1}.
	 */
	private static String timeoutsPerPeriod(StubGateway primary, Instant startedAt, double periods) {
		int[] counts = new int[(int) Math.ceil(periods)];
		for (RecordedRequest request : primary.requests()) {
			long offset = Duration.between(startedAt, request.receivedAt()).toMillis();
			int period = (int) Math.min(counts.length - 1, Math.max(0, offset / STALL_COOLDOWN.toMillis()));
			counts[period]++;
		}
		StringBuilder text = new StringBuilder();
		for (int count : counts) {
			text.append((text.length() > 0) ? ", " : "").append(count);
		}
		return text.toString();
	}

	private void stallRow(Report report, int callers, int seconds) {
		try (StubGateway primary = StubGateway.start()) {
			primary.authcode(StarterClient.AUTHCODE);
			primary.respond(StubRoute.CHAT_COMPLETIONS, (request) -> StubResponse.noResponse());
			Map<String, Object> properties = StarterClient.properties(primary.baseUrl() + "," + this.secondary);
			properties.put("liaobots.timeouts.response", STALL_RESPONSE_TIMEOUT.toMillis() + "ms");
			properties.put("liaobots.failover.cooldown", STALL_COOLDOWN.toSeconds() + "s");
			AtomicInteger calls = new AtomicInteger();
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			long end = start + Duration.ofSeconds(seconds).toNanos();
			try (StarterClient starter = StarterClient.start(properties)) {
				Flux.range(0, callers).parallel(callers).runOn(Schedulers.boundedElastic()).doOnNext((caller) -> {
					while (System.nanoTime() < end) {
						latencyMillis(starter);
						calls.incrementAndGet();
					}
				}).sequential().blockLast(Duration.ofSeconds(seconds + 60));
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			double periods = elapsed / (STALL_COOLDOWN.toMillis() / 1000.0);
			int timeouts = primary.requestCount();
			report.row(callers, calls.get(), "yes", timeouts, Stats.format("%.1f", periods),
					Stats.format("%.2f", timeouts / periods), timeoutsPerPeriod(primary, startedAt, periods));
		}
	}

}
