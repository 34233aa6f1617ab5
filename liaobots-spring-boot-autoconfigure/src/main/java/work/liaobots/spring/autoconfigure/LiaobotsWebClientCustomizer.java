package work.liaobots.spring.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the Liaobots clients only, after Boot's
 * {@code WebClientCustomizer}s have been applied to it. Declare one as a bean to add a
 * filter, a default header or a codec setting without touching other WebClients.
 */
@FunctionalInterface
public interface LiaobotsWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder a builder used only by the Liaobots clients
	 */
	void customize(WebClient.Builder builder);

}
