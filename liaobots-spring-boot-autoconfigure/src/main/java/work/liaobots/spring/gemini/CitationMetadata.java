package work.liaobots.spring.gemini;

import java.util.List;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * Sources a response quotes from.
 */
public final class CitationMetadata extends JsonModel {

	@Nullable List<Citation> citations;

	CitationMetadata() {
	}

	public List<Citation> citations() {
		return GeminiJson.readOnly(this.citations);
	}

	/**
	 * One quoted source and the span of the response it covers.
	 */
	public static final class Citation extends JsonModel {

		@Nullable Integer startIndex;

		@Nullable Integer endIndex;

		@Nullable String uri;

		@Nullable String title;

		@Nullable String license;

		Citation() {
		}

		public int startIndex() {
			return (this.startIndex != null) ? this.startIndex : 0;
		}

		public int endIndex() {
			return (this.endIndex != null) ? this.endIndex : 0;
		}

		@Nullable public String uri() {
			return this.uri;
		}

		@Nullable public String title() {
			return this.title;
		}

		@Nullable public String license() {
			return this.license;
		}

	}

}
