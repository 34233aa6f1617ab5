package work.liaobots.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Measures Java heap use while something runs.
 * <p>
 * The idle level is the heap used after forced full collections. During the run a daemon
 * thread reads the heap used every millisecond and keeps the largest value. The heap
 * pools' own peak counters, reset at the start, are summed as a second reading that no
 * sampling interval can miss. That sum can only be higher, because pools peak at
 * different moments. Both readings count garbage not yet collected, so the young
 * generation of the measuring JVM is kept small.
 */
final class HeapMeter implements AutoCloseable {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private final Thread sampler;

	private final List<MemoryPoolMXBean> heapPools;

	private volatile boolean running = true;

	private volatile long sampledPeak;

	private HeapMeter() {
		this.heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
		this.sampledPeak = used();
		this.sampler = new Thread(this::sample, "heap-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/**
	 * Starts sampling.
	 */
	static HeapMeter start() {
		return new HeapMeter();
	}

	/**
	 * Returns the heap used after full collections, in bytes.
	 */
	static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			sleep(50);
		}
		return used();
	}

	static long used() {
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	private void sample() {
		while (this.running) {
			long used = used();
			if (used > this.sampledPeak) {
				this.sampledPeak = used;
			}
			sleep(1);
		}
	}

	/**
	 * Returns the largest heap use the sampler saw.
	 */
	long sampledPeak() {
		return Math.max(this.sampledPeak, used());
	}

	/**
	 * Returns the sum of the heap pools' peak use since the start.
	 */
	long poolPeakSum() {
		return this.heapPools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.sampler.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
