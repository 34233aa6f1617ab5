package work.liaobots.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Markdown report of a run, printed as it grows.
 */
final class Report {

	private final StringBuilder text = new StringBuilder();

	private final boolean print;

	Report(boolean print) {
		this.print = print;
	}

	Report line(String line) {
		this.text.append(line).append('\n');
		if (this.print) {
			System.out.println(line);
			System.out.flush();
		}
		return this;
	}

	Report heading(String title) {
		return line("").line("### " + title).line("");
	}

	/**
	 * Adds a table row from its cells.
	 */
	Report row(Object... cells) {
		StringBuilder row = new StringBuilder("|");
		for (Object cell : cells) {
			row.append(' ').append(cell).append(" |");
		}
		return line(row.toString());
	}

	void writeTo(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, this.text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
