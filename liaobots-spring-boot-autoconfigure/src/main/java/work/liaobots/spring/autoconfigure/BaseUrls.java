package work.liaobots.spring.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks {@code liaobots.base-urls} at start-up, so a typo fails fast with the property
 * name instead of on the first call.
 */
final class BaseUrls {

	private static final Log logger = LogFactory.getLog(BaseUrls.class);

	private static final String PROPERTY = "liaobots.base-urls";

	private BaseUrls() {
	}

	/**
	 * Returns the URLs if each is an absolute {@code https} or {@code http} URL with a
	 * host; warns about plain HTTP to a host other than loopback.
	 * @param urls the configured URLs
	 * @return the same URLs
	 * @throws InvalidConfigurationPropertyValueException for an empty list or an invalid
	 * URL
	 */
	static List<URI> validate(List<URI> urls) {
		if (urls == null || urls.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, "",
					"At least one gateway base URL is required, such as https://ai.liaobots.work");
		}
		for (URI url : urls) {
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("https") && !scheme.equals("http")) {
				throw new InvalidConfigurationPropertyValueException(PROPERTY, url,
						"A base URL must start with https:// (or http:// for a local gateway)");
			}
			if (url.getHost() == null || url.getHost().isBlank()) {
				throw new InvalidConfigurationPropertyValueException(PROPERTY, url, "A base URL needs a host name");
			}
			if (url.getRawQuery() != null || url.getRawFragment() != null) {
				throw new InvalidConfigurationPropertyValueException(PROPERTY, url,
						"A base URL must not have a query or a fragment");
			}
			if (scheme.equals("http") && !isLoopback(url.getHost())) {
				logger.warn(PROPERTY + " contains " + url + " over plain HTTP: the auth code would travel "
						+ "unencrypted; use https://");
			}
		}
		return urls;
	}

	/**
	 * Returns whether a host names this machine, judged from its text alone so no DNS
	 * lookup happens at start-up.
	 */
	static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("[::1]") || lower.equals("::1");
	}

}
