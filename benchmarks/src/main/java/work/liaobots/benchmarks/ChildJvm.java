package work.liaobots.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started with this JVM's class path, for the benchmark server and for measurements
 * that need a fresh or differently sized heap.
 */
final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final BufferedReader output;

	private ChildJvm(Process process) {
		this.process = process;
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	/**
	 * Starts {@code mainClass} in a new JVM. Its standard error goes to this one's.
	 */
	static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(arguments);
		try {
			return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to start " + command, ex);
		}
	}

	/**
	 * Starts the benchmark server and waits until it listens.
	 * @return the running server; close it to stop it
	 */
	static Server startServer() {
		ChildJvm jvm = start(BenchmarkServer.class, List.of("-Xms1g", "-Xmx3g", "-XX:+UseParallelGC"), List.of());
		String line = jvm.readLine();
		if (line == null || !line.startsWith(BenchmarkServer.READY)) {
			jvm.close();
			throw new IllegalStateException("Benchmark server did not start: " + line);
		}
		int port = Integer.parseInt(line.substring(BenchmarkServer.READY.length()).trim());
		return new Server(jvm, URI.create("http://127.0.0.1:" + port));
	}

	/**
	 * Runs {@code mainClass} to its end and returns the lines it printed.
	 */
	static List<String> run(Class<?> mainClass, List<String> jvmOptions, List<String> arguments) {
		try (ChildJvm jvm = start(mainClass, jvmOptions, arguments)) {
			List<String> lines = new ArrayList<>();
			for (String line = jvm.readLine(); line != null; line = jvm.readLine()) {
				lines.add(line);
			}
			int exit = jvm.waitFor();
			if (exit != 0) {
				throw new IllegalStateException(mainClass.getSimpleName() + " exited with " + exit + ": " + lines);
			}
			return lines;
		}
	}

	private String readLine() {
		try {
			return this.output.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int waitFor() {
		try {
			if (!this.process.waitFor(10, TimeUnit.MINUTES)) {
				throw new IllegalStateException("Child JVM did not end within 10 minutes");
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/**
	 * The running benchmark server.
	 *
	 * @param jvm the server's JVM
	 * @param baseUrl where it listens
	 */
	record Server(ChildJvm jvm, URI baseUrl) implements AutoCloseable {

		@Override
		public void close() {
			this.jvm.close();
		}

	}

}
