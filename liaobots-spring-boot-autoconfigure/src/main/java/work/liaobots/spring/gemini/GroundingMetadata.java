package work.liaobots.spring.gemini;

import java.util.List;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * The sources behind a response grounded with the Google Search tool: the queries run,
 * the pages found, and which response text each page supports.
 */
public final class GroundingMetadata extends JsonModel {

	@Nullable List<String> webSearchQueries;

	@Nullable SearchEntryPoint searchEntryPoint;

	@Nullable List<GroundingChunk> groundingChunks;

	@Nullable List<GroundingSupport> groundingSupports;

	GroundingMetadata() {
	}

	public List<String> webSearchQueries() {
		return GeminiJson.readOnly(this.webSearchQueries);
	}

	/**
	 * Returns the search suggestions widget that goes with a grounded response.
	 * @return the entry point, or {@code null}
	 */
	@Nullable public SearchEntryPoint searchEntryPoint() {
		return this.searchEntryPoint;
	}

	/**
	 * Returns the sources, which {@link GroundingSupport#groundingChunkIndices()} refer
	 * to by position.
	 * @return the sources
	 */
	public List<GroundingChunk> groundingChunks() {
		return GeminiJson.readOnly(this.groundingChunks);
	}

	public List<GroundingSupport> groundingSupports() {
		return GeminiJson.readOnly(this.groundingSupports);
	}

	/**
	 * The search suggestions widget.
	 */
	public static final class SearchEntryPoint extends JsonModel {

		@Nullable String renderedContent;

		SearchEntryPoint() {
		}

		/**
		 * Returns the widget as HTML with inline CSS.
		 * @return the HTML, or {@code null}
		 */
		@Nullable public String renderedContent() {
			return this.renderedContent;
		}

	}

	/**
	 * One source.
	 */
	public static final class GroundingChunk extends JsonModel {

		@Nullable Web web;

		GroundingChunk() {
		}

		/**
		 * Returns the web page, for a source found by search.
		 * @return the page, or {@code null} for other kinds of source
		 */
		@Nullable public Web web() {
			return this.web;
		}

	}

	/**
	 * A web page found by search.
	 */
	public static final class Web extends JsonModel {

		@Nullable String uri;

		@Nullable String title;

		@Nullable String domain;

		Web() {
		}

		/**
		 * Returns the page address, often a redirect URL through Google.
		 * @return the URI, or {@code null}
		 */
		@Nullable public String uri() {
			return this.uri;
		}

		@Nullable public String title() {
			return this.title;
		}

		@Nullable public String domain() {
			return this.domain;
		}

	}

	/**
	 * A piece of the response text and the sources that support it.
	 */
	public static final class GroundingSupport extends JsonModel {

		@Nullable Segment segment;

		@Nullable List<Integer> groundingChunkIndices;

		@Nullable List<Double> confidenceScores;

		GroundingSupport() {
		}

		@Nullable public Segment segment() {
			return this.segment;
		}

		/**
		 * Returns the positions of the supporting sources in
		 * {@link GroundingMetadata#groundingChunks()}.
		 * @return the positions
		 */
		public List<Integer> groundingChunkIndices() {
			return GeminiJson.readOnly(this.groundingChunkIndices);
		}

		public List<Double> confidenceScores() {
			return GeminiJson.readOnly(this.confidenceScores);
		}

	}

	/**
	 * A span of the response text.
	 */
	public static final class Segment extends JsonModel {

		@Nullable Integer partIndex;

		@Nullable Integer startIndex;

		@Nullable Integer endIndex;

		@Nullable String text;

		Segment() {
		}

		/**
		 * Returns the part the span is in.
		 * @return the part's position, 0 when absent
		 */
		public int partIndex() {
			return (this.partIndex != null) ? this.partIndex : 0;
		}

		/**
		 * Returns where the span starts, in bytes of the part's text.
		 * @return the start offset, 0 when absent
		 */
		public int startIndex() {
			return (this.startIndex != null) ? this.startIndex : 0;
		}

		/**
		 * Returns where the span ends (exclusive), in bytes of the part's text.
		 * @return the end offset, 0 when absent
		 */
		public int endIndex() {
			return (this.endIndex != null) ? this.endIndex : 0;
		}

		@Nullable public String text() {
			return this.text;
		}

	}

}
