package work.liaobots.spring.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import work.liaobots.spring.credits.CreditBalance;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.error.LiaobotsAuthenticationException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.Domain;
import work.liaobots.spring.transport.DomainRouter;

/**
 * Reports whether the gateway answers, from its free credits endpoint.
 * <p>
 * UP carries the balance and total; DOWN carries the reason (a rejected auth code, or a
 * gateway that cannot be reached). Both carry the active domain and each domain's last
 * state. A result is reused for the configured TTL, and concurrent health requests share
 * one call in flight, so a monitoring agent polling hard never floods the gateway. The
 * call is bounded by its own timeout.
 */
public class LiaobotsHealthIndicator implements ReactiveHealthIndicator {

	private final CreditsService credits;

	private final DomainRouter router;

	private final Duration timeout;

	private final Mono<Health> cachedHealth;

	/**
	 * Creates the indicator.
	 * @param credits the credits service
	 * @param router the domain router whose state is reported
	 * @param ttl how long a result is reused
	 * @param timeout the longest wait for the credits endpoint
	 */
	public LiaobotsHealthIndicator(CreditsService credits, DomainRouter router, Duration ttl, Duration timeout) {
		this.credits = credits;
		this.router = router;
		this.timeout = timeout;
		this.cachedHealth = Mono.defer(this::check)
			.cache((health) -> ttl, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<Health> health() {
		return this.cachedHealth;
	}

	private Mono<Health> check() {
		return this.credits.balance(CallOptions.defaults().withTotalTimeout(this.timeout))
			.map(this::up)
			.onErrorResume((error) -> Mono.just(down(error)));
	}

	private Health up(CreditBalance balance) {
		return Health.up()
			.withDetail("balance", balance.balance())
			.withDetail("total", balance.total())
			.withDetails(domainDetails())
			.build();
	}

	private Health down(Throwable error) {
		String reason;
		if (error instanceof LiaobotsAuthenticationException) {
			reason = "auth code rejected: check 'liaobots.authcode'";
		}
		else if (error instanceof LiaobotsException liaobots) {
			reason = liaobots.getMessage();
		}
		else {
			reason = error.getClass().getSimpleName() + ": " + error.getMessage();
		}
		return Health.down().withDetail("reason", reason).withDetails(domainDetails()).build();
	}

	private Map<String, Object> domainDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("activeDomain", this.router.activeDomain().name());
		List<Map<String, Object>> domains = new ArrayList<>();
		for (Domain domain : this.router.domains()) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("domain", domain.name());
			state.put("state", domain.state().name());
			if (domain.lastChecked() != null) {
				state.put("lastChecked", domain.lastChecked().toString());
			}
			if (domain.lastError() != null) {
				state.put("lastError", domain.lastError());
			}
			domains.add(state);
		}
		details.put("domains", domains);
		return details;
	}

}
