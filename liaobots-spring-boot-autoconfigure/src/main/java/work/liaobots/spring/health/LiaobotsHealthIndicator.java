package work.liaobots.spring.health;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

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

	/** The balance is below the configured low-balance threshold. */
	public static final Status LOW_BALANCE = new Status("LOW_BALANCE", "The credit balance is low");

	/** The balance is zero or less. */
	public static final Status OUT_OF_CREDITS = new Status("OUT_OF_CREDITS", "No credits left");

	private final Thresholds thresholds;

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
		this(credits, router, ttl, timeout, new Thresholds(null, null));
	}

	/**
	 * Creates the indicator.
	 * @param credits the credits service
	 * @param router the domain router whose state is reported
	 * @param ttl how long a result is reused
	 * @param timeout the longest wait for the credits endpoint
	 * @param thresholds the balances that change the status or block calls
	 */
	public LiaobotsHealthIndicator(CreditsService credits, DomainRouter router, Duration ttl, Duration timeout,
			Thresholds thresholds) {
		this.thresholds = thresholds;
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
		BigDecimal left = balance.balance();
		Health.Builder builder = Health.status(status(left));
		if (left != null) {
			builder.withDetail("balance", left);
		}
		if (balance.total() != null) {
			builder.withDetail("total", balance.total());
		}
		BigDecimal min = this.thresholds.minBalance();
		if (min != null) {
			boolean blocked = left != null && left.compareTo(min) < 0;
			builder.withDetail("callsBlocked", blocked);
			if (blocked) {
				builder.withDetail("reason", "balance " + left.toPlainString()
						+ " is below 'liaobots.credits.min-balance' (" + min.toPlainString() + ")");
			}
		}
		return builder.withDetails(domainDetails()).build();
	}

	private Status status(@Nullable BigDecimal balance) {
		if (balance == null) {
			return Status.UP;
		}
		if (balance.signum() <= 0) {
			return OUT_OF_CREDITS;
		}
		BigDecimal low = this.thresholds.lowBalance();
		return (low != null && balance.compareTo(low) < 0) ? LOW_BALANCE : Status.UP;
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

	/**
	 * Balances that change what the indicator reports.
	 *
	 * @param lowBalance the balance below which the status is {@link #LOW_BALANCE}, or
	 * {@code null}
	 * @param minBalance the balance below which the starter blocks calls, or {@code null}
	 */
	public record Thresholds(@Nullable BigDecimal lowBalance, @Nullable BigDecimal minBalance) {

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
