package work.liaobots.sample;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import work.liaobots.spring.error.LiaobotsException;

/**
 * Turns a failed gateway call of a JSON endpoint into 502 Bad Gateway with the error type
 * and message, so the page can show why the call failed. The starter's messages never
 * contain the auth code.
 */
@RestControllerAdvice
class GatewayErrorHandler {

	private static final Log logger = LogFactory.getLog(GatewayErrorHandler.class);

	@ExceptionHandler(LiaobotsException.class)
	ResponseEntity<Map<String, Object>> gatewayFailed(LiaobotsException error) {
		logger.warn("Gateway call failed: " + error.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(Map.of("type", error.getClass().getSimpleName(), "message", String.valueOf(error.getMessage())));
	}

}
