package work.liaobots.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import work.liaobots.benchmarks.Workload.Format;

/**
 * Runs the benchmark suite and prints a Markdown report, also written to
 * {@code target/benchmark-report.md}.
 * <p>
 * Arguments: {@code full} or {@code smoke}, then optionally the sections to run, comma
 * separated: {@code throughput}, {@code per-event}, {@code first-event}, {@code image},
 * {@code concurrency}, {@code failover}, {@code startup}, {@code jmh}. Without sections
 * all of them run; the smoke run skips {@code jmh}, whose forks take minutes.
 */
public final class BenchmarkMain {

	static final List<String> SECTIONS = List.of("throughput", "per-event", "first-event", "image", "concurrency",
			"failover", "startup", "jmh");

	private BenchmarkMain() {
	}

	public static void main(String[] args) {
		Settings settings = (args.length > 0 && args[0].equals("smoke")) ? Settings.smokeRun() : Settings.fullRun();
		Set<String> sections = new LinkedHashSet<>((args.length > 1) ? Arrays.asList(args[1].split(",")) : SECTIONS);
		if (settings.smoke() && args.length <= 1) {
			sections.remove("jmh");
		}
		Report report = run(settings, sections, true);
		report.writeTo(Path.of("target", "benchmark-report.md"));
		System.exit(0);
	}

	/**
	 * Runs the given sections against a fresh benchmark server.
	 * @throws IllegalStateException when a client reads wrong content
	 */
	static Report run(Settings settings, Set<String> sections, boolean print) {
		Report report = new Report(print);
		header(report, settings);
		try (ChildJvm.Server server = ChildJvm.startServer();
				StarterClient starter = StarterClient.start(server.baseUrl());
				RawClient raw = new RawClient(server.baseUrl());
				PeerClient peer = new PeerClient(server.baseUrl())) {
			StreamingBenchmarks streaming = new StreamingBenchmarks(starter, raw, peer, settings);
			if (sections.contains("throughput")) {
				streaming.throughput(report, false);
			}
			if (sections.contains("per-event")) {
				streaming.throughput(report, true);
			}
			if (sections.contains("first-event")) {
				streaming.firstEvent(report);
			}
			if (sections.contains("image")) {
				ImageBenchmark.run(report, server.baseUrl(), settings);
			}
			if (sections.contains("concurrency")) {
				new ConcurrencyBenchmark(server.baseUrl(), settings).run(report,
						(model) -> starter.streamText(Format.CHAT, model),
						(model) -> raw.streamText(Format.CHAT, model));
			}
			if (sections.contains("failover")) {
				new FailoverBenchmark(server.baseUrl(), settings).run(report);
			}
		}
		if (sections.contains("startup")) {
			StartupBenchmark.run(report, settings);
		}
		if (sections.contains("jmh")) {
			AllocationBenchmarks.run(report);
		}
		return report;
	}

	private static void header(Report report, Settings settings) {
		report.line("## Benchmark run " + Instant.now() + (settings.smoke() ? " (smoke sizes)" : ""));
		report.line("");
		report.line(
				"- Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
						+ " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
		report.line("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", options " + ManagementFactory.getRuntimeMXBean().getInputArguments());
		report.line("- Server: the benchmark server in its own JVM on 127.0.0.1; clients in this JVM.");
	}

}
