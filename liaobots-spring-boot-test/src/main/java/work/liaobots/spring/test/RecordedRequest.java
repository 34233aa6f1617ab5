package work.liaobots.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request the stub gateway received.
 *
 * @param route the surface it was sent to, or {@code null} for an unknown path
 * @param method the HTTP method
 * @param path the request path
 * @param query the raw query, or an empty string
 * @param headers the headers, names in lower case
 * @param body the body bytes
 * @param receivedAt when the whole request had arrived
 */
public record RecordedRequest(StubRoute route, String method, String path, String query,
		Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * Returns the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the body decoded as UTF-8.
	 * @return the body text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Returns the body parsed as JSON.
	 * @return the JSON tree
	 */
	public JsonNode json() {
		return MAPPER.readTree(this.body);
	}

	/**
	 * Returns the value of a query parameter, undecoded.
	 * @param name the parameter name
	 * @return the value, or {@code null}
	 */
	public String queryParameter(String name) {
		for (String pair : this.query.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (key.equals(name)) {
				return (equals >= 0) ? pair.substring(equals + 1) : "";
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + (this.query.isEmpty() ? "" : "?" + this.query) + " (" + this.body.length
				+ " bytes)";
	}

}
