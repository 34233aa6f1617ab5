package work.liaobots.spring.transport;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * Masks credentials in what the clients log, by header and parameter name rather than by
 * the look of the value, so an auth code in any format stays hidden.
 */
public final class SensitiveData {

	/** Header names whose values are never logged, in lower case. */
	public static final Set<String> HEADER_NAMES = Set.of("authorization", "proxy-authorization", "x-api-key",
			"x-goog-api-key", "cookie", "set-cookie");

	private static final Pattern KEY_PARAMETER = Pattern.compile("(?i)([?&](?:key|api_key|apikey|authcode)=)[^&#\\s]*");

	private static final Pattern HEADER_LINE = Pattern.compile(
			"(?im)^((?:authorization|proxy-authorization|x-api-key|x-goog-api-key|cookie|set-cookie)\\s*:\\s*).*$");

	private SensitiveData() {
	}

	/**
	 * Returns whether a header carries a credential.
	 * @param name the header name, in any case
	 * @return {@code true} for a credential header
	 */
	public static boolean isSensitiveHeader(String name) {
		return HEADER_NAMES.contains(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Formats headers for a log line with credential values masked.
	 * @param headers the headers
	 * @return {@code name: value} pairs
	 */
	public static String maskHeaders(HttpHeaders headers) {
		StringJoiner joiner = new StringJoiner(", ", "[", "]");
		headers.forEach((name, values) -> joiner
			.add(name + ": " + (isSensitiveHeader(name) ? SecretMasker.MASK : String.join(",", values))));
		return joiner.toString();
	}

	/**
	 * Masks credential query parameters such as {@code key=} in a URI or request line.
	 * @param text the text
	 * @return the masked text
	 */
	public static String maskQuery(String text) {
		return KEY_PARAMETER.matcher(text).replaceAll("$1" + SecretMasker.MASK);
	}

	/**
	 * Masks credential header lines and query parameters in raw HTTP text, as a wiretap
	 * prints it.
	 * @param text the raw text
	 * @return the masked text
	 */
	public static String maskHttpText(String text) {
		return maskQuery(HEADER_LINE.matcher(text).replaceAll("$1" + SecretMasker.MASK));
	}

}
