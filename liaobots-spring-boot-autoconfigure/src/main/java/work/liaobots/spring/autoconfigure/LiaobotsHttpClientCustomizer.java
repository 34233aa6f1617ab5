package work.liaobots.spring.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Customizes the Reactor Netty {@link HttpClient} of the Liaobots clients only, for
 * example to add a resolver, a wiretap or TCP options. Declare one as a bean.
 */
@FunctionalInterface
public interface LiaobotsHttpClientCustomizer {

	/**
	 * Customizes the client.
	 * @param httpClient the client the starter configured
	 * @return the client to use
	 */
	HttpClient customize(HttpClient httpClient);

}
