package work.liaobots.spring.gemini;

import java.util.List;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * The pages the URL context tool fetched for a response.
 */
public final class UrlContextMetadata extends JsonModel {

	@Nullable List<UrlMetadata> urlMetadata;

	UrlContextMetadata() {
	}

	public List<UrlMetadata> urlMetadata() {
		return GeminiJson.readOnly(this.urlMetadata);
	}

	/**
	 * One fetched page.
	 */
	public static final class UrlMetadata extends JsonModel {

		@Nullable String retrievedUrl;

		@Nullable String urlRetrievalStatus;

		UrlMetadata() {
		}

		@Nullable public String retrievedUrl() {
			return this.retrievedUrl;
		}

		/**
		 * Returns whether the fetch worked, such as {@code URL_RETRIEVAL_STATUS_SUCCESS}.
		 * @return the status, or {@code null}
		 */
		@Nullable public String urlRetrievalStatus() {
			return this.urlRetrievalStatus;
		}

	}

}
