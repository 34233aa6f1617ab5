package work.liaobots.sample;

import java.time.Duration;
import java.util.List;

import work.liaobots.spring.test.StubGateway;

/**
 * The two stub gateways the sample starts when it runs offline: a primary and a backup
 * domain, so failover can be shown by taking the primary down.
 */
public final class EmbeddedGateways implements AutoCloseable {

	private final StubGateway primary;

	private final StubGateway backup;

	private volatile boolean primaryDown;

	private EmbeddedGateways(StubGateway primary, StubGateway backup) {
		this.primary = primary;
		this.backup = backup;
	}

	static EmbeddedGateways start() {
		Duration tokenDelay = Duration.ofMillis(35);
		return new EmbeddedGateways(StubGateway.start().tokenDelay(tokenDelay),
				StubGateway.start().tokenDelay(tokenDelay));
	}

	public StubGateway primary() {
		return this.primary;
	}

	public StubGateway backup() {
		return this.backup;
	}

	/**
	 * Returns the value for {@code liaobots.base-urls}: primary first.
	 * @return the base URLs, comma-separated
	 */
	String baseUrls() {
		return this.primary.baseUrl() + "," + this.backup.baseUrl();
	}

	List<StubGateway> all() {
		return List.of(this.primary, this.backup);
	}

	/**
	 * Stops or restarts the primary domain, as if it went down or came back.
	 * @param down {@code true} to refuse connections
	 */
	public void primaryDown(boolean down) {
		this.primaryDown = down;
		if (down) {
			this.primary.refuseConnections();
		}
		else {
			this.primary.acceptConnections();
		}
	}

	/**
	 * Returns whether the primary domain was last taken down.
	 * @return {@code true} while it refuses connections
	 */
	public boolean isPrimaryDown() {
		return this.primaryDown;
	}

	@Override
	public void close() {
		all().forEach(StubGateway::close);
	}

}
