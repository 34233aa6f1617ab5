package work.liaobots.spring.test;

import java.util.Locale;

/**
 * The gateway surfaces the stub answers, matched by path suffix so a base URL with a path
 * prefix works too.
 */
public enum StubRoute {

	/** {@code GET /api/v1/credits}. */
	CREDITS,

	/** {@code POST /v1/chat/completions}. */
	CHAT_COMPLETIONS,

	/** {@code POST /v1/responses}. */
	RESPONSES,

	/** {@code POST /v1/messages}. */
	MESSAGES,

	/** {@code POST /v1beta/models/{model}:generateContent}. */
	GEMINI_GENERATE,

	/** {@code POST /v1beta/models/{model}:streamGenerateContent}. */
	GEMINI_STREAM;

	/**
	 * Returns the route of a request path.
	 * @param path the request path
	 * @return the route, or {@code null} for a path the gateway does not serve
	 */
	static StubRoute of(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.endsWith("/api/v1/credits")) {
			return CREDITS;
		}
		if (lower.endsWith("/v1/chat/completions")) {
			return CHAT_COMPLETIONS;
		}
		if (lower.endsWith("/v1/responses")) {
			return RESPONSES;
		}
		if (lower.endsWith("/v1/messages")) {
			return MESSAGES;
		}
		if (lower.contains("/v1beta/models/") && lower.endsWith(":streamgeneratecontent")) {
			return GEMINI_STREAM;
		}
		if (lower.contains("/v1beta/models/") && lower.endsWith(":generatecontent")) {
			return GEMINI_GENERATE;
		}
		return null;
	}

}
