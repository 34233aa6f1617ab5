package work.liaobots.spring.transport;

/**
 * The surfaces the gateway serves, each with its path and how it takes the auth code.
 */
public enum ApiFormat {

	/** OpenAI Chat Completions. */
	CHAT_COMPLETIONS("chat completions", "/v1/chat/completions", AuthScheme.BEARER),

	/** OpenAI Responses. */
	RESPONSES("responses", "/v1/responses", AuthScheme.BEARER),

	/** Anthropic Messages. */
	MESSAGES("messages", "/v1/messages", AuthScheme.X_API_KEY),

	/** Gemini native generateContent and streamGenerateContent. */
	GEMINI("gemini", "/v1beta/models", AuthScheme.X_GOOG_API_KEY),

	/** Balance and usage records. */
	CREDITS("credits", "/api/v1/credits", AuthScheme.BEARER);

	private final String displayName;

	private final String path;

	private final AuthScheme authScheme;

	ApiFormat(String displayName, String path, AuthScheme authScheme) {
		this.displayName = displayName;
		this.path = path;
		this.authScheme = authScheme;
	}

	/**
	 * Returns the lower-case name used in logs and metrics, such as {@code messages}.
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Returns the path below a base URL (for Gemini, the prefix before the model).
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	public AuthScheme authScheme() {
		return this.authScheme;
	}

	/**
	 * How a surface carries the auth code.
	 */
	public enum AuthScheme {

		/** {@code Authorization: Bearer <code>}. */
		BEARER("Authorization"),

		/** {@code x-api-key: <code>}, as Anthropic expects. */
		X_API_KEY("x-api-key"),

		/** {@code x-goog-api-key: <code>}, as Gemini expects. */
		X_GOOG_API_KEY("x-goog-api-key");

		private final String headerName;

		AuthScheme(String headerName) {
			this.headerName = headerName;
		}

		public String headerName() {
			return this.headerName;
		}

		/**
		 * Returns the header value that carries {@code authcode}.
		 * @param authcode the auth code
		 * @return the header value
		 */
		public String headerValue(String authcode) {
			return (this == BEARER) ? "Bearer " + authcode : authcode;
		}

	}

}
