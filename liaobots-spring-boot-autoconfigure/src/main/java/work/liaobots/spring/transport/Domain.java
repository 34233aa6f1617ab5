package work.liaobots.spring.transport;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One gateway domain and what the client last saw of it.
 */
public final class Domain {

	/**
	 * What the client knows of a domain.
	 */
	public enum State {

		/** No call has gone to the domain yet. */
		UNKNOWN,

		/** The last call reached the domain. */
		UP,

		/**
		 * The last call could not reach the domain; it is skipped until its cool-down
		 * ends.
		 */
		COOLING_DOWN,

		/** The cool-down ended and one call is checking whether the domain is back. */
		PROBING

	}

	private final URI baseUrl;

	private final String name;

	private volatile State state = State.UNKNOWN;

	private volatile Instant coolingUntil = Instant.MIN;

	@Nullable private volatile Instant lastChecked;

	@Nullable private volatile String lastError;

	Domain(URI baseUrl) {
		this.baseUrl = baseUrl;
		String port = (baseUrl.getPort() != -1) ? ":" + baseUrl.getPort() : "";
		this.name = baseUrl.getScheme() + "://" + baseUrl.getHost() + port;
	}

	/**
	 * Returns the base URL as configured.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns scheme, host and port, such as {@code https://ai.liaobots.work}.
	 * @return the domain name
	 */
	public String name() {
		return this.name;
	}

	public State state() {
		return this.state;
	}

	/**
	 * Returns when a call last reached or failed to reach this domain.
	 * @return the time, or {@code null} before the first call
	 */
	@Nullable public Instant lastChecked() {
		return this.lastChecked;
	}

	/**
	 * Returns the last error that made the domain cool down.
	 * @return a short description, or {@code null}
	 */
	@Nullable public String lastError() {
		return this.lastError;
	}

	/**
	 * Resolves {@code path} and {@code query} against the base URL, keeping any path
	 * prefix of the base URL and tolerating a trailing slash on it.
	 * @param path the path, starting with {@code /}
	 * @param query the encoded query without {@code ?}, or {@code null}
	 * @return the full URI
	 */
	public URI resolve(String path, @Nullable String query) {
		String prefix = this.baseUrl.getRawPath();
		if (prefix == null) {
			prefix = "";
		}
		while (prefix.endsWith("/")) {
			prefix = prefix.substring(0, prefix.length() - 1);
		}
		return UriComponentsBuilder.newInstance()
			.scheme(this.baseUrl.getScheme())
			.host(this.baseUrl.getHost())
			.port(this.baseUrl.getPort())
			.path(prefix + path)
			.query(query)
			.build(true)
			.toUri();
	}

	boolean isCoolingDown(Instant now) {
		return this.state == State.COOLING_DOWN && now.isBefore(this.coolingUntil);
	}

	Instant coolingUntil() {
		return this.coolingUntil;
	}

	synchronized boolean tryStartProbe(Instant now) {
		if (this.state == State.COOLING_DOWN && !now.isBefore(this.coolingUntil)) {
			this.state = State.PROBING;
			return true;
		}
		return false;
	}

	void markUp(Instant now) {
		this.state = State.UP;
		this.lastChecked = now;
		this.lastError = null;
	}

	void markFailed(Instant now, Instant until, String error) {
		this.coolingUntil = until;
		this.state = State.COOLING_DOWN;
		this.lastChecked = now;
		this.lastError = error;
	}

	synchronized void abandonProbe() {
		if (this.state == State.PROBING) {
			this.state = State.COOLING_DOWN;
		}
	}

	@Override
	public String toString() {
		return this.name + " (" + this.state + ")";
	}

}
