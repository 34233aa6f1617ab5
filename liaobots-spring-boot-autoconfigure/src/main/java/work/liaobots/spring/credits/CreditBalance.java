package work.liaobots.spring.credits;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * The credits of an auth code: what is left and what was received in total.
 */
public final class CreditBalance extends JsonModel {

	@Nullable BigDecimal balance;

	@JsonProperty("amount")
	@Nullable BigDecimal total;

	@Nullable UsagePage usage;

	/**
	 * Returns the credits left.
	 * @return the balance, or {@code null} when the response had none
	 */
	@Nullable public BigDecimal balance() {
		return this.balance;
	}

	/**
	 * Returns the credits received in total (the wire field {@code amount}).
	 * @return the total, or {@code null} when the response had none
	 */
	@Nullable public BigDecimal total() {
		return this.total;
	}

	/**
	 * Returns the usage page, present only when usage was requested.
	 * @return the page, or {@code null}
	 */
	@Nullable public UsagePage usage() {
		return this.usage;
	}

}
