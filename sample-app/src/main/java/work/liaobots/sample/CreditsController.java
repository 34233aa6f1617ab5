package work.liaobots.sample;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.credits.UsagePage;

/**
 * Returns the balance and pages through the usage records.
 */
@RestController
class CreditsController {

	private final CreditsService credits;

	CreditsController(CreditsService credits) {
		this.credits = credits;
	}

	@GetMapping("/api/credits")
	Mono<Balance> balance() {
		return this.credits.balance().map((balance) -> new Balance(balance.balance(), balance.total()));
	}

	/**
	 * The balance in the Java API's terms: the wire form calls the total {@code amount}.
	 *
	 * @param balance the credits left
	 * @param total the credits received in total
	 */
	record Balance(@Nullable BigDecimal balance, @Nullable BigDecimal total) {

	}

	@GetMapping("/api/credits/usage")
	Mono<UsagePage> usage(@RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int pageSize) {
		return this.credits.usagePage(cursor, pageSize);
	}

}
