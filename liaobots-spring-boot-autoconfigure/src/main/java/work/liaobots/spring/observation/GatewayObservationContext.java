package work.liaobots.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.transport.GatewayRequest;

/**
 * Facts about one gateway call that an observation records, for conventions and handlers.
 */
public class GatewayObservationContext extends Observation.Context {

	private final GatewayRequest request;

	@Nullable private volatile String domain;

	@Nullable private volatile String responseModel;

	@Nullable private volatile TokenUsage tokenUsage;

	public GatewayObservationContext(GatewayRequest request) {
		this.request = request;
	}

	public GatewayRequest request() {
		return this.request;
	}

	/**
	 * Returns the domain of the latest attempt, such as {@code https://ai.liaobots.work}.
	 * @return the domain, or {@code null} before the first attempt
	 */
	@Nullable public String domain() {
		return this.domain;
	}

	void domain(String domain) {
		this.domain = domain;
	}

	@Nullable public String responseModel() {
		return this.responseModel;
	}

	@Nullable public TokenUsage tokenUsage() {
		return this.tokenUsage;
	}

	void result(@Nullable Object result) {
		if (result instanceof ModelResponse response) {
			this.responseModel = response.responseModel();
			this.tokenUsage = response.tokenUsage();
		}
	}

}
