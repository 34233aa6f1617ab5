package work.liaobots.spring.gemini;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import work.liaobots.spring.json.JsonModel;

/**
 * One generated response candidate. In a stream each chunk's candidate carries only the
 * new parts, and {@link GeminiAccumulator} joins them.
 */
public final class Candidate extends JsonModel {

	@Nullable Content content;

	@Nullable FinishReason finishReason;

	@Nullable String finishMessage;

	@Nullable Integer index;

	@Nullable List<SafetyRating> safetyRatings;

	@Nullable CitationMetadata citationMetadata;

	@Nullable GroundingMetadata groundingMetadata;

	@Nullable UrlContextMetadata urlContextMetadata;

	@Nullable Double avgLogprobs;

	@Nullable JsonNode logprobsResult;

	Candidate() {
	}

	/**
	 * Returns the generated content, which goes back unchanged as the model's turn of the
	 * next request.
	 * @return the content, or {@code null} when the output was withheld
	 */
	@Nullable public Content content() {
		return this.content;
	}

	/**
	 * Returns why the candidate stopped.
	 * @return the reason, or {@code null} while a stream continues
	 */
	@Nullable public FinishReason finishReason() {
		return this.finishReason;
	}

	/**
	 * Returns the details of the finish reason, such as "Model generated function
	 * call(s)."
	 * @return the message, or {@code null}
	 */
	@Nullable public String finishMessage() {
		return this.finishMessage;
	}

	/**
	 * Returns the candidate's position, which Gemini omits for the first candidate.
	 * @return the index, 0 when absent
	 */
	public int index() {
		return (this.index != null) ? this.index : 0;
	}

	public List<SafetyRating> safetyRatings() {
		return GeminiJson.readOnly(this.safetyRatings);
	}

	@Nullable public CitationMetadata citationMetadata() {
		return this.citationMetadata;
	}

	/**
	 * Returns the search queries and sources of a response grounded with Google Search.
	 * @return the metadata, or {@code null}
	 */
	@Nullable public GroundingMetadata groundingMetadata() {
		return this.groundingMetadata;
	}

	@Nullable public UrlContextMetadata urlContextMetadata() {
		return this.urlContextMetadata;
	}

	/**
	 * Returns the average log probability of the candidate's tokens.
	 * @return the value, or {@code null}
	 */
	@Nullable public Double avgLogprobs() {
		return this.avgLogprobs;
	}

	/**
	 * Returns the per-token log probabilities, when the request asked for them.
	 * @return the JSON tree, or {@code null}
	 */
	@Nullable public JsonNode logprobsResult() {
		return this.logprobsResult;
	}

	/**
	 * Returns the parts of the content.
	 * @return the parts, empty when there is no content
	 */
	public List<Part> parts() {
		return (this.content != null) ? this.content.parts() : List.of();
	}

	/**
	 * Copies fields this class does not declare from another candidate, for the
	 * accumulator.
	 */
	void putAllExtra(Map<String, Object> fields) {
		fields.forEach(this::putExtra);
	}

	@Override
	public String toString() {
		return GeminiJson.summary(this);
	}

}
