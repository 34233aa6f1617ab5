package work.liaobots.spring.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Remembers the last balance the credits endpoint reported, for the balance gauge, the
 * minimum-balance guard and the health details. Thread-safe.
 */
public final class CreditBalanceTracker {

	private final AtomicReference<@Nullable Snapshot> last = new AtomicReference<>();

	private final Clock clock;

	public CreditBalanceTracker() {
		this(Clock.systemUTC());
	}

	public CreditBalanceTracker(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records a balance the gateway reported.
	 * @param balance the balance
	 */
	public void record(CreditBalance balance) {
		if (balance.balance() != null) {
			this.last.set(new Snapshot(balance.balance(), balance.total(), this.clock.instant()));
		}
	}

	/**
	 * Returns the last balance the gateway reported.
	 * @return the snapshot, or empty before the first credits call
	 */
	public Optional<Snapshot> lastKnown() {
		return Optional.ofNullable(this.last.get());
	}

	/**
	 * A balance and when it was read.
	 *
	 * @param balance the credits left
	 * @param total the credits received in total, or {@code null}
	 * @param readAt when the gateway reported it
	 */
	public record Snapshot(BigDecimal balance, @Nullable BigDecimal total, Instant readAt) {

	}

}
