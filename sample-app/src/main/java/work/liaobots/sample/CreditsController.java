package work.liaobots.sample;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import work.liaobots.spring.credits.CreditBalance;
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
	Mono<CreditBalance> balance() {
		return this.credits.balance();
	}

	@GetMapping("/api/credits/usage")
	Mono<UsagePage> usage(@RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int pageSize) {
		return this.credits.usagePage(cursor, pageSize);
	}

}
