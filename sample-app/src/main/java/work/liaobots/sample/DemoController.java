package work.liaobots.sample;

import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets the page take the embedded primary domain down and up again, to show failover.
 * Available only when the sample runs offline.
 */
@RestController
class DemoController {

	private final ObjectProvider<EmbeddedGateways> gateways;

	DemoController(ObjectProvider<EmbeddedGateways> gateways) {
		this.gateways = gateways;
	}

	@PostMapping("/api/demo/primary")
	Mono<Map<String, Object>> primary(@RequestParam boolean down) {
		EmbeddedGateways embedded = this.gateways.getIfAvailable();
		if (embedded == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Only the embedded stub gateways can be taken down; this app talks to the real gateway"));
		}
		// Stopping a server waits for its channels, so it runs off the event loop.
		return Mono.fromRunnable(() -> embedded.primaryDown(down))
			.subscribeOn(Schedulers.boundedElastic())
			.thenReturn(Map.of("primaryDown", down));
	}

}
