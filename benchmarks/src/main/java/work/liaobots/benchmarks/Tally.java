package work.liaobots.benchmarks;

import work.liaobots.benchmarks.Workload.Format;

/**
 * Summary of one text stream as a client read it: the number of events and the text they
 * carry, kept as a length and a hash so a 200,000-event stream is checked without holding
 * its text.
 */
final class Tally {

	private long events;

	private long characters;

	private int hash;

	/**
	 * Adds one event carrying {@code text}, which is empty for events without text.
	 */
	Tally add(String text) {
		this.events++;
		this.characters += text.length();
		int current = this.hash;
		for (int i = 0; i < text.length(); i++) {
			current = 31 * current + text.charAt(i);
		}
		this.hash = current;
		return this;
	}

	long events() {
		return this.events;
	}

	/**
	 * Checks that the stream delivered exactly the events and text of a workload of
	 * {@code tokens} tokens.
	 * @throws IllegalStateException naming what differs
	 */
	void verify(Format format, int tokens) {
		String expected = Workload.text(tokens);
		if (this.events != format.events(tokens)) {
			throw new IllegalStateException(
					format + ": expected " + format.events(tokens) + " events but read " + this.events);
		}
		if (this.characters != expected.length() || this.hash != expected.hashCode()) {
			throw new IllegalStateException(format + ": text differs from the " + tokens + " tokens sent ("
					+ this.characters + " characters read, " + expected.length() + " sent)");
		}
	}

}
