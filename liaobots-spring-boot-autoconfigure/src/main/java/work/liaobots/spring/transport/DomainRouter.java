package work.liaobots.spring.transport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the domain for each attempt and remembers which domains failed.
 * <p>
 * A call goes to the first domain, in configured order, that is not cooling down. A
 * domain that failed to answer is skipped for the cool-down period; after it, exactly one
 * call probes the domain while the others keep using the next one, so a domain that
 * accepts connections but never answers costs one timeout per cool-down period, not one
 * per call.
 */
public final class DomainRouter {

	private final List<Domain> domains;

	private final Duration cooldown;

	private final Clock clock;

	private volatile Consumer<Domain> failoverListener = (domain) -> {
	};

	public DomainRouter(List<URI> baseUrls, Duration cooldown, Clock clock) {
		this.domains = baseUrls.stream().map(Domain::new).toList();
		this.cooldown = cooldown;
		this.clock = clock;
	}

	/**
	 * Returns the domains in configured order.
	 * @return the domains
	 */
	public List<Domain> domains() {
		return this.domains;
	}

	/**
	 * Returns the domain new calls go to now.
	 * @return the active domain
	 */
	public Domain activeDomain() {
		Instant now = this.clock.instant();
		for (Domain domain : this.domains) {
			if (!domain.isCoolingDown(now) && domain.state() != Domain.State.PROBING) {
				return domain;
			}
		}
		return earliestRecovery(List.of());
	}

	/**
	 * Sets a callback run each time a call moves away from a domain that failed.
	 * @param listener the callback, given the domain that failed
	 */
	public void onFailover(Consumer<Domain> listener) {
		this.failoverListener = listener;
	}

	/**
	 * Chooses the domain for the next attempt of a call.
	 * @param tried domains this call already tried and must not use again
	 * @return the domain, or {@code null} when every domain was tried
	 */
	@Nullable Domain select(Collection<Domain> tried) {
		Instant now = this.clock.instant();
		for (Domain domain : this.domains) {
			if (tried.contains(domain)) {
				continue;
			}
			if (domain.tryStartProbe(now)) {
				return domain;
			}
			if (!domain.isCoolingDown(now) && domain.state() != Domain.State.PROBING) {
				return domain;
			}
		}
		if (tried.size() >= this.domains.size()) {
			return null;
		}
		return earliestRecovery(tried);
	}

	private Domain earliestRecovery(Collection<Domain> tried) {
		Domain best = null;
		for (Domain domain : this.domains) {
			if (!tried.contains(domain) && (best == null || domain.coolingUntil().isBefore(best.coolingUntil()))) {
				best = domain;
			}
		}
		return (best != null) ? best : this.domains.get(0);
	}

	void reachable(Domain domain) {
		domain.markUp(this.clock.instant());
	}

	void unreachable(Domain domain, String error) {
		Instant now = this.clock.instant();
		domain.markFailed(now, now.plus(this.cooldown), error);
		this.failoverListener.accept(domain);
	}

	void released(Domain domain) {
		domain.abandonProbe();
	}

}
