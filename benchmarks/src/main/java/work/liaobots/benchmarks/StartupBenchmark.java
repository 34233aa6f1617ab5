package work.liaobots.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Start-up cost of the starter's auto-configuration: fresh JVMs start the same
 * application with and without it, alternately.
 */
final class StartupBenchmark {

	private StartupBenchmark() {
	}

	static void run(Report report, Settings settings) {
		List<Double> withRun = new ArrayList<>();
		List<Double> withoutRun = new ArrayList<>();
		List<Double> withUptime = new ArrayList<>();
		List<Double> withoutUptime = new ArrayList<>();
		for (int i = 0; i < settings.startupRuns(); i++) {
			long[] with = probe("with");
			long[] without = probe("without");
			withRun.add((double) with[0]);
			withUptime.add((double) with[1]);
			withoutRun.add((double) without[0]);
			withoutUptime.add((double) without[1]);
		}
		Stats withRunStats = new Stats(withRun);
		Stats withoutRunStats = new Stats(withoutRun);
		Stats withUptimeStats = new Stats(withUptime);
		Stats withoutUptimeStats = new Stats(withoutUptime);
		report.heading("Start-up");
		report.line("A non-web application with auto-configuration, started in " + settings.startupRuns()
				+ " fresh JVMs per case, alternately; without = the starter's four auto-configurations "
				+ "excluded, same class path. Milliseconds, median (min–max).");
		report.line("");
		report.row("measure", "with starter", "without", "added", "with / without");
		report.row("---", "---", "---", "---", "---");
		report.row("SpringApplication.run", withRunStats.medianAndRange("%.0f"), withoutRunStats.medianAndRange("%.0f"),
				Stats.format("%.0f", withRunStats.median() - withoutRunStats.median()),
				Stats.format("%.2f", withRunStats.median() / withoutRunStats.median()));
		report.row("JVM uptime when ready", withUptimeStats.medianAndRange("%.0f"),
				withoutUptimeStats.medianAndRange("%.0f"),
				Stats.format("%.0f", withUptimeStats.median() - withoutUptimeStats.median()),
				Stats.format("%.2f", withUptimeStats.median() / withoutUptimeStats.median()));
	}

	private static long[] probe(String mode) {
		List<String> lines = ChildJvm.run(StartupProbe.class, List.of("-Xmx512m"), List.of(mode));
		for (String line : lines) {
			if (line.startsWith("RESULT ")) {
				String[] parts = line.split(" ");
				return new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]) };
			}
		}
		throw new IllegalStateException("Start-up probe printed no result: " + lines);
	}

}
