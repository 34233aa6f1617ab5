package work.liaobots.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import work.liaobots.benchmarks.Workload.Format;

/**
 * A whole chat stream over loopback, from request to last event, through the starter's
 * public API and through the raw baseline. The server runs in a JVM of its own, so
 * {@code -prof gc} counts client allocations only; one operation is one event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamingAllocationBenchmark {

	static final int TOKENS = 10_000;

	private static final String MODEL = "bench-" + TOKENS;

	private static final Duration LIMIT = Duration.ofMinutes(1);

	private ChildJvm.Server server;

	private StarterClient starter;

	private RawClient raw;

	@Setup
	public void setUp() {
		this.server = ChildJvm.startServer();
		this.starter = StarterClient.start(this.server.baseUrl());
		this.raw = new RawClient(this.server.baseUrl());
	}

	@TearDown
	public void tearDown() {
		this.raw.close();
		this.starter.close();
		this.server.close();
	}

	@Benchmark
	@OperationsPerInvocation(TOKENS + 3)
	public long starter() {
		return this.starter.streamText(Format.CHAT, MODEL).reduce(new Tally(), Tally::add).block(LIMIT).events();
	}

	@Benchmark
	@OperationsPerInvocation(TOKENS + 3)
	public long raw() {
		return this.raw.streamText(Format.CHAT, MODEL).reduce(new Tally(), Tally::add).block(LIMIT).events();
	}

}
