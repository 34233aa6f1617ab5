package work.liaobots.spring.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.transport.ApiFormat;

/**
 * Facts about a failed call that every {@link LiaobotsException} carries.
 *
 * @param format the gateway surface that was called
 * @param method the HTTP method
 * @param uri the full request URI on the domain that failed, or {@code null} before a
 * domain was chosen
 * @param status the HTTP status, or 0 when no response was received
 * @param errorType the provider's error type or code, if the body had one
 * @param providerMessage the provider's error message, with any secret removed
 * @param requestId the request id from the response headers or body, if any
 * @param partialResult what a stream delivered before it failed, folded by the format's
 * accumulator, or {@code null}
 * @param eventsReceived how many stream events were received before the failure
 */
public record ErrorContext(ApiFormat format, String method, @Nullable URI uri, int status, @Nullable String errorType,
		@Nullable String providerMessage, @Nullable String requestId, @Nullable Object partialResult,
		long eventsReceived) {

	/**
	 * Creates a context for a call that failed before any response arrived.
	 * @param format the gateway surface
	 * @param method the HTTP method
	 * @param uri the request URI, or {@code null}
	 * @return the context
	 */
	public static ErrorContext of(ApiFormat format, String method, @Nullable URI uri) {
		return new ErrorContext(format, method, uri, 0, null, null, null, null, 0);
	}

	/**
	 * Returns the domain of {@link #uri()}: scheme, host and port.
	 * @return the domain, or {@code null} when no domain was chosen
	 */
	@Nullable public String domain() {
		if (this.uri == null) {
			return null;
		}
		String port = (this.uri.getPort() != -1) ? ":" + this.uri.getPort() : "";
		return this.uri.getScheme() + "://" + this.uri.getHost() + port;
	}

	public ErrorContext withResponse(int status, @Nullable String errorType, @Nullable String providerMessage,
			@Nullable String requestId) {
		return new ErrorContext(this.format, this.method, this.uri, status, errorType, providerMessage, requestId,
				this.partialResult, this.eventsReceived);
	}

	public ErrorContext withStreamProgress(@Nullable Object partialResult, long eventsReceived) {
		return new ErrorContext(this.format, this.method, this.uri, this.status, this.errorType, this.providerMessage,
				this.requestId, partialResult, eventsReceived);
	}

	/**
	 * Returns "POST https://host/path" for messages.
	 * @return the request line
	 */
	public String requestLine() {
		return this.method + " " + ((this.uri != null) ? this.uri : this.format.path());
	}

}
