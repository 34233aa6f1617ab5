package work.liaobots.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing auth code at start-up and how to provide one.
 */
class LiaobotsAuthcodeMissingFailureAnalyzer extends AbstractFailureAnalyzer<LiaobotsAuthcodeMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LiaobotsAuthcodeMissingException cause) {
		String description = "The Liaobots gateway clients need an auth code, but none is configured: the property "
				+ "'liaobots.authcode' is not set (or blank) and neither is the environment variable LIAOBOTS_AUTHCODE.";
		String action = "Set 'liaobots.authcode' in application.yml, or export LIAOBOTS_AUTHCODE=<your auth code>. "
				+ "To start without the gateway, set 'liaobots.enabled=false'; for tests, point 'liaobots.base-urls' "
				+ "at a stub gateway (see @AutoConfigureLiaobotsStubGateway in liaobots-spring-boot-test).";
		return new FailureAnalysis(description, action, cause);
	}

}
