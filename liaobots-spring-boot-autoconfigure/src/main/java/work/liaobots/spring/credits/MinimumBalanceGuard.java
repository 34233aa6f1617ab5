package work.liaobots.spring.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.error.ErrorContext;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsInsufficientCreditsException;
import work.liaobots.spring.transport.ApiFormat;
import work.liaobots.spring.transport.CallGuard;
import work.liaobots.spring.transport.GatewayRequest;

/**
 * Fails model calls at once, without reaching the gateway, while the last known balance
 * is below {@code liaobots.credits.min-balance}. Credits calls always pass, so the
 * balance can be read again. A blocked call whose balance reading is older than the
 * refresh interval starts one background refresh, so a top-up unblocks calls without a
 * restart.
 */
public final class MinimumBalanceGuard implements CallGuard {

	private static final Log logger = LogFactory.getLog(MinimumBalanceGuard.class);

	private final CreditBalanceTracker tracker;

	private final BigDecimal minBalance;

	private final Supplier<CreditsService> credits;

	private final Duration refreshInterval;

	private final Clock clock;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	/**
	 * Creates the guard.
	 * @param tracker the last known balance
	 * @param minBalance the balance below which calls fail
	 * @param credits the credits service used to refresh the balance, resolved lazily
	 * @param refreshInterval how old a balance reading may be before a blocked call
	 * refreshes it
	 * @param clock the clock
	 */
	public MinimumBalanceGuard(CreditBalanceTracker tracker, BigDecimal minBalance, Supplier<CreditsService> credits,
			Duration refreshInterval, Clock clock) {
		this.tracker = tracker;
		this.minBalance = minBalance;
		this.credits = credits;
		this.refreshInterval = refreshInterval;
		this.clock = clock;
	}

	@Override
	@Nullable public LiaobotsException check(GatewayRequest request) {
		if (request.format() == ApiFormat.CREDITS) {
			return null;
		}
		CreditBalanceTracker.Snapshot snapshot = this.tracker.lastKnown().orElse(null);
		if (snapshot == null || snapshot.balance().compareTo(this.minBalance) >= 0) {
			return null;
		}
		if (snapshot.readAt().plus(this.refreshInterval).isBefore(this.clock.instant())) {
			refreshInBackground();
		}
		return new LiaobotsInsufficientCreditsException(
				"Not sent " + request + ": the last known balance " + snapshot.balance().toPlainString() + " (read at "
						+ snapshot.readAt() + ") is below 'liaobots.credits.min-balance' ("
						+ this.minBalance.toPlainString()
						+ "); top up credits, and calls resume once the balance is read again",
				ErrorContext.of(request.format(), request.method().name(), null));
	}

	private void refreshInBackground() {
		if (this.refreshing.compareAndSet(false, true)) {
			this.credits.get().balance().doFinally((signal) -> this.refreshing.set(false)).subscribe((balance) -> {
			}, (error) -> logger.warn("Could not refresh the Liaobots balance: " + error.getMessage()));
		}
	}

}
