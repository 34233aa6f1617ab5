package work.liaobots.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import work.liaobots.spring.chat.ChatStreamDecodingBenchmark;

/**
 * Runs the JMH benchmarks with the GC profiler and reports time and allocation per event.
 */
final class AllocationBenchmarks {

	private AllocationBenchmarks() {
	}

	static void run(Report report) {
		Options options = new OptionsBuilder().include(ChatStreamDecodingBenchmark.class.getName())
			.include(StreamingAllocationBenchmark.class.getName())
			.addProfiler(GCProfiler.class)
			.forks(1)
			.jvmArgs("-Xms1g", "-Xmx1g")
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(2))
			.build();
		Collection<RunResult> results;
		try {
			results = new Runner(options).run();
		}
		catch (RunnerException ex) {
			throw new IllegalStateException("JMH run failed", ex);
		}
		report.heading("Allocation per event (JMH 1.37, -prof gc)");
		report.line("One fork, 5 × 2 s warm-up, 5 × 2 s measurement, -Xms1g -Xmx1g. One operation is one event. "
				+ "Decoding: 1,000 chat events in 16 KiB reads, no network. Whole stream: a 10,000-token chat "
				+ "stream over loopback from the benchmark server's JVM, request included.");
		report.line("");
		report.row("benchmark", "ns per event (± error)", "bytes allocated per event (± error)");
		report.row("---", "---", "---");
		List<RunResult> sorted = new ArrayList<>(results);
		sorted.sort((left, right) -> label(left).compareTo(label(right)));
		for (RunResult result : sorted) {
			Result<?> time = result.getPrimaryResult();
			Result<?> allocation = allocation(result.getSecondaryResults());
			report.row(label(result),
					Stats.format("%.1f", time.getScore()) + " ± " + Stats.format("%.1f", time.getScoreError()),
					(allocation != null) ? Stats.format("%.0f", allocation.getScore()) + " ± "
							+ Stats.format("%.0f", allocation.getScoreError()) : "–");
		}
	}

	private static String label(RunResult result) {
		String name = result.getParams().getBenchmark();
		String[] parts = name.split("\\.");
		return parts[parts.length - 2] + "." + parts[parts.length - 1];
	}

	private static Result<?> allocation(Map<String, Result> secondary) {
		for (Map.Entry<String, Result> entry : secondary.entrySet()) {
			if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
				return entry.getValue();
			}
		}
		return null;
	}

}
