package work.liaobots.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Order statistics of repeated measurements.
 */
final class Stats {

	private final List<Double> sorted;

	Stats(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No measurements");
		}
		this.sorted = new ArrayList<>(values);
		Collections.sort(this.sorted);
	}

	static Stats ofLongs(List<Long> values) {
		return new Stats(values.stream().map(Long::doubleValue).toList());
	}

	double median() {
		return percentile(50);
	}

	double min() {
		return this.sorted.get(0);
	}

	double max() {
		return this.sorted.get(this.sorted.size() - 1);
	}

	int count() {
		return this.sorted.size();
	}

	/**
	 * Returns the value at percentile {@code p}, by the nearest-rank method.
	 */
	double percentile(double p) {
		int rank = (int) Math.ceil(p / 100 * this.sorted.size());
		return this.sorted.get(Math.max(0, Math.min(this.sorted.size() - 1, rank - 1)));
	}

	/**
	 * Formats the median with the range, such as {@code 0.91 (0.88–0.95)}.
	 */
	String medianAndRange(String format) {
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
	}

	static String format(String format, double value) {
		return String.format(Locale.ROOT, format, value);
	}

}
