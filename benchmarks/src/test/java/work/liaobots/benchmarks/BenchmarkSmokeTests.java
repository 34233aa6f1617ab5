package work.liaobots.benchmarks;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import work.liaobots.spring.chat.ChatStreamDecodingBenchmark;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark at smoke sizes, so the suite keeps compiling and working. The
 * benchmarks check the content every client reads and throw when it differs; these tests
 * never look at timings.
 */
class BenchmarkSmokeTests {

	@Test
	void smokeRunCompletesEverySection() {
		List<String> sections = BenchmarkMain.SECTIONS.stream().filter((section) -> !section.equals("jmh")).toList();

		Report report = BenchmarkMain.run(Settings.smokeRun(), new LinkedHashSet<>(sections), false);

		assertThat(report.toString()).contains("Streaming throughput", "Time to first event", "Large image",
				"Concurrency", "primary refuses connections", "never responds", "Start-up");
		assertThat(report.toString()).contains("| starter | 50 of 50 |", "| raw | 50 of 50 |");
	}

	@Test
	void decodingBenchmarkReadsEveryEvent() {
		ChatStreamDecodingBenchmark benchmark = new ChatStreamDecodingBenchmark();
		benchmark.setUp();
		Blackhole blackhole = new Blackhole(
				"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

		benchmark.starter(blackhole);
		benchmark.raw(blackhole);

		blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
	}

}
