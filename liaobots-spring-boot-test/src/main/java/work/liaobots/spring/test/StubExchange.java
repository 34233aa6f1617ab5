package work.liaobots.spring.test;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request the stub received and what became of its connection: how many body bytes
 * went out and when the connection closed.
 */
public final class StubExchange {

	private final RecordedRequest request;

	private final AtomicLong bytesSent = new AtomicLong();

	private final CountDownLatch closed = new CountDownLatch(1);

	private volatile Instant closedAt;

	StubExchange(RecordedRequest request) {
		this.request = request;
	}

	public RecordedRequest request() {
		return this.request;
	}

	/**
	 * Returns the response body bytes written so far.
	 * @return the byte count
	 */
	public long bytesSent() {
		return this.bytesSent.get();
	}

	/**
	 * Returns when the connection of this exchange closed, by either side.
	 * @return the time, or {@code null} while it is open
	 */
	public Instant closedAt() {
		return this.closedAt;
	}

	/**
	 * Waits until the connection of this exchange closes.
	 * @param timeoutMillis the longest wait
	 * @return {@code true} if it closed in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitClose(long timeoutMillis) throws InterruptedException {
		return this.closed.await(timeoutMillis, TimeUnit.MILLISECONDS);
	}

	void sent(int bytes) {
		this.bytesSent.addAndGet(bytes);
	}

	void connectionClosed() {
		if (this.closedAt == null) {
			this.closedAt = Instant.now();
		}
		this.closed.countDown();
	}

	@Override
	public String toString() {
		return this.request + " sent=" + this.bytesSent + " closedAt=" + this.closedAt;
	}

}
