package work.liaobots.spring.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.observation.ModelResponse;
import work.liaobots.spring.observation.TokenUsage;

/**
 * A Gemini response: the whole output of a {@code generateContent} call, and each event
 * of a stream, where the candidates carry only the new parts. {@link GeminiAccumulator}
 * folds a stream into the object the non-streaming call returns.
 */
public final class GenerateContentResponse extends JsonModel implements ModelResponse {

	@Nullable List<Candidate> candidates;

	@Nullable PromptFeedback promptFeedback;

	@Nullable UsageMetadata usageMetadata;

	@Nullable String modelVersion;

	@Nullable String responseId;

	GenerateContentResponse() {
	}

	public List<Candidate> candidates() {
		return GeminiJson.readOnly(this.candidates);
	}

	/**
	 * Returns the safety verdict on the prompt.
	 * @return the feedback, or {@code null}
	 */
	@Nullable public PromptFeedback promptFeedback() {
		return this.promptFeedback;
	}

	/**
	 * Returns the token counts, which in a stream are the counts so far.
	 * @return the counts, or {@code null}
	 */
	@Nullable public UsageMetadata usageMetadata() {
		return this.usageMetadata;
	}

	/**
	 * Returns the model version that generated the response, such as
	 * {@code gemini-2.5-flash}.
	 * @return the version, or {@code null}
	 */
	@Nullable public String modelVersion() {
		return this.modelVersion;
	}

	/**
	 * Returns the response id, the same on every chunk of a stream.
	 * @return the id, or {@code null}
	 */
	@Nullable public String responseId() {
		return this.responseId;
	}

	/**
	 * Returns the text of the first candidate, thoughts excluded.
	 * @return the text, or {@code null} when there is none
	 */
	@Nullable public String text() {
		Candidate first = firstCandidate();
		return (first != null && first.content != null) ? first.content.text() : null;
	}

	/**
	 * Returns the images of the first candidate, interim thought images excluded.
	 * @return the images in part order, empty when there are none
	 */
	public List<Blob> images() {
		List<Blob> images = new ArrayList<>();
		for (Part part : firstParts()) {
			if (part.isImage() && !part.thought()) {
				images.add(part.inlineData);
			}
		}
		return images;
	}

	/**
	 * Returns the function calls of the first candidate.
	 * @return the calls in the order the model made them, empty when there are none
	 */
	public List<FunctionCall> functionCalls() {
		List<FunctionCall> calls = new ArrayList<>();
		for (Part part : firstParts()) {
			if (part.functionCall != null) {
				calls.add(part.functionCall);
			}
		}
		return calls;
	}

	/**
	 * Returns why the first candidate stopped.
	 * @return the reason, or {@code null} when there is no candidate or it continues
	 */
	@Nullable public FinishReason finishReason() {
		Candidate first = firstCandidate();
		return (first != null) ? first.finishReason : null;
	}

	/**
	 * Returns whether the output was withheld: the prompt was rejected
	 * ({@code promptFeedback.blockReason}), or the first candidate stopped for a content
	 * policy reason such as {@link FinishReason#SAFETY} or
	 * {@link FinishReason#IMAGE_SAFETY}.
	 * @return {@code true} when blocked
	 */
	public boolean isBlocked() {
		if (isPromptBlocked()) {
			return true;
		}
		FinishReason reason = finishReason();
		return reason != null && reason.isBlocking();
	}

	@Override
	@Nullable public String responseModel() {
		return this.modelVersion;
	}

	/**
	 * Returns the usage in OpenTelemetry GenAI terms: tool-use prompt tokens count as
	 * input, thinking tokens as output.
	 */
	@Override
	@Nullable public TokenUsage tokenUsage() {
		UsageMetadata usage = this.usageMetadata;
		if (usage == null) {
			return null;
		}
		return new TokenUsage(usage.promptTokenCount() + usage.toolUsePromptTokenCount(),
				usage.candidatesTokenCount() + usage.thoughtsTokenCount());
	}

	@Override
	public String toString() {
		return GeminiJson.summary(this);
	}

	/**
	 * Copies fields this class does not declare from another response, for the
	 * accumulator.
	 */
	void putAllExtra(Map<String, Object> fields) {
		fields.forEach(this::putExtra);
	}

	boolean isPromptBlocked() {
		return this.promptFeedback != null && this.promptFeedback.blockReason != null;
	}

	boolean hasFinishReason() {
		for (Candidate candidate : candidates()) {
			if (candidate.finishReason != null) {
				return true;
			}
		}
		return false;
	}

	@Nullable private Candidate firstCandidate() {
		return (this.candidates != null && !this.candidates.isEmpty()) ? this.candidates.get(0) : null;
	}

	private List<Part> firstParts() {
		Candidate first = firstCandidate();
		return (first != null) ? first.parts() : List.of();
	}

}
