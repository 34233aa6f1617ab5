package work.liaobots.spring.transport;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One call to the gateway, the same on every domain and every attempt.
 *
 * @param format the surface called
 * @param method the HTTP method
 * @param path the path below the base URL, starting with {@code /}
 * @param query the encoded query without {@code ?}, or {@code null}
 * @param body the JSON body, serialized once, or {@code null}
 * @param headers format-specific headers such as {@code anthropic-version}
 * @param model the requested model, for logs and metrics, or {@code null}
 * @param streaming whether the response is a server-sent-event stream
 */
public record GatewayRequest(ApiFormat format, HttpMethod method, String path, @Nullable String query,
		byte @Nullable [] body, Map<String, String> headers, @Nullable String model, boolean streaming) {

	public GatewayRequest {
		headers = Map.copyOf(headers);
	}

	/**
	 * Creates a POST of a JSON body.
	 * @param format the surface
	 * @param path the path
	 * @param body the serialized body
	 * @param model the model, or {@code null}
	 * @param streaming whether the response streams
	 * @return the request
	 */
	public static GatewayRequest post(ApiFormat format, String path, byte[] body, @Nullable String model,
			boolean streaming) {
		return new GatewayRequest(format, HttpMethod.POST, path, null, body, Map.of(), model, streaming);
	}

	/**
	 * Creates a GET.
	 * @param format the surface
	 * @param path the path
	 * @param query the encoded query, or {@code null}
	 * @return the request
	 */
	public static GatewayRequest get(ApiFormat format, String path, @Nullable String query) {
		return new GatewayRequest(format, HttpMethod.GET, path, query, null, Map.of(), null, false);
	}

	public GatewayRequest withQuery(@Nullable String query) {
		return new GatewayRequest(this.format, this.method, this.path, query, this.body, this.headers, this.model,
				this.streaming);
	}

	public GatewayRequest withHeaders(Map<String, String> headers) {
		return new GatewayRequest(this.format, this.method, this.path, this.query, this.body, headers, this.model,
				this.streaming);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + ((this.query != null) ? "?" + this.query : "") + " ("
				+ this.format.displayName() + ((this.streaming) ? ", streaming" : "") + ")";
	}

}
