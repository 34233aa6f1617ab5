package work.liaobots.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tells the page which gateway the app talks to, and lets it take the embedded primary
 * domain down and up again to show failover. Taking a domain down works only when the
 * sample runs offline.
 */
@RestController
class DemoController {

	private final ObjectProvider<EmbeddedGateways> gateways;

	private final String gatewayKind;

	DemoController(ObjectProvider<EmbeddedGateways> gateways,
			@Value("${sample.gateway.kind:liaobots}") String gatewayKind) {
		this.gateways = gateways;
		this.gatewayKind = gatewayKind;
	}

	/**
	 * Returns {@code gateway} ({@code embedded-stub} or {@code liaobots}) and, offline,
	 * {@code primaryDown}.
	 */
	@GetMapping("/api/demo")
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("gateway", this.gatewayKind);
		EmbeddedGateways embedded = this.gateways.getIfAvailable();
		if (embedded != null) {
			state.put("primaryDown", embedded.isPrimaryDown());
		}
		return state;
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
