package work.liaobots.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak heap while a Gemini response with a large image arrives, streamed and whole, for
 * the starter and the raw baseline. Each reading comes from a fresh JVM running
 * {@link ImageProbe}.
 */
final class ImageBenchmark {

	/**
	 * Options of the measuring JVM: G1 with a fixed 8 MB young generation, so garbage in
	 * Eden adds at most 8 MB to a reading. In a 1 GB heap G1 uses 1 MB regions, so each
	 * image-sized array is a humongous object outside the young generation.
	 */
	static final List<String> PROBE_JVM = List.of("-Xms1g", "-Xmx1g", "-Xmn8m", "-XX:+UseG1GC");

	private static final double MB = 1024 * 1024;

	private ImageBenchmark() {
	}

	static void run(Report report, URI baseUrl, Settings settings) {
		int size = settings.imageBytes();
		int repeats = settings.smoke() ? 1 : 3;
		report.heading("Large image: Gemini response with a " + Stats.format("%.0f", size / MB) + " MB image ("
				+ Stats.format("%.1f", base64Size(size) / MB) + " MB of base64)");
		report.line("Heap above idle while the response arrives, MB, median (min–max) of " + repeats + " fresh JVMs ("
				+ String.join(" ", PROBE_JVM)
				+ "). Sampled: heap used read every millisecond. Pool peaks: sum of the heap pools' peak counters. "
				+ "The decoded image is still held when the peak is read.");
		report.line("");
		report.row("client", "mode", "sampled peak above idle", "× image size", "pool peaks above idle",
				"× image size");
		report.row("---", "---", "---", "---", "---", "---");
		for (String client : List.of("starter", "raw")) {
			for (String mode : List.of("stream", "whole")) {
				List<Double> sampled = new ArrayList<>();
				List<Double> pools = new ArrayList<>();
				for (int i = 0; i < repeats; i++) {
					long[] reading = probe(client, mode, baseUrl, size);
					sampled.add((reading[1] - reading[0]) / MB);
					pools.add((reading[2] - reading[0]) / MB);
				}
				Stats sampledStats = new Stats(sampled);
				Stats poolStats = new Stats(pools);
				report.row(client, mode.equals("stream") ? "streamed" : "one body", sampledStats.medianAndRange("%.1f"),
						Stats.format("%.2f", sampledStats.median() * MB / size), poolStats.medianAndRange("%.1f"),
						Stats.format("%.2f", poolStats.median() * MB / size));
			}
		}
	}

	private static long base64Size(int size) {
		return (size + 2L) / 3 * 4;
	}

	private static long[] probe(String client, String mode, URI baseUrl, int size) {
		List<String> lines = ChildJvm.run(ImageProbe.class, PROBE_JVM,
				List.of(client, mode, baseUrl.toString(), String.valueOf(size)));
		for (String line : lines) {
			if (line.startsWith("RESULT ")) {
				String[] parts = line.split(" ");
				return new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]) };
			}
		}
		throw new IllegalStateException("Image probe printed no result: " + lines);
	}

}
