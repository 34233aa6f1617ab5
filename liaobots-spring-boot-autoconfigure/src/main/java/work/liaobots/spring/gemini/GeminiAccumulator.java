package work.liaobots.spring.gemini;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Folds streamed {@link GenerateContentResponse} chunks into the response a non-streaming
 * call returns.
 * <p>
 * Per candidate, consecutive text parts with the same {@link Part#thought()} flag become
 * one part, and a {@code thoughtSignature} stays on the part it came with (the last one
 * wins when several text pieces carry one). Images, function calls and other parts are
 * kept whole and in order. Usage counts are cumulative in a stream, so the last chunk's
 * {@code usageMetadata} is the call's. Finish reason, grounding and the other candidate
 * fields come from the chunks that carry them.
 * <p>
 * Not thread-safe: a stream delivers its chunks one at a time.
 */
public final class GeminiAccumulator {

	private final Map<Integer, CandidateState> candidates = new TreeMap<>();

	/**
	 * The candidate of the last chunk. Streams carry one candidate, so this skips the map
	 * lookup on almost every chunk.
	 */
	@Nullable private CandidateState lastCandidate;

	private int lastCandidateIndex = -1;

	@Nullable private PromptFeedback promptFeedback;

	@Nullable private UsageMetadata usageMetadata;

	@Nullable private String modelVersion;

	@Nullable private String responseId;

	private final Map<String, Object> extra = new LinkedHashMap<>();

	/**
	 * Folds a whole stream.
	 * @param chunks the stream
	 * @return the response once the stream ends
	 */
	public static Mono<GenerateContentResponse> accumulate(Flux<GenerateContentResponse> chunks) {
		return chunks.collect(GeminiAccumulator::new, GeminiAccumulator::add).map(GeminiAccumulator::result);
	}

	/**
	 * Adds one chunk.
	 * @param chunk the chunk
	 * @return this accumulator
	 */
	public GeminiAccumulator add(GenerateContentResponse chunk) {
		for (Candidate candidate : chunk.candidates()) {
			candidateState(candidate.index()).add(candidate);
		}
		this.promptFeedback = latest(this.promptFeedback, chunk.promptFeedback);
		this.usageMetadata = latest(this.usageMetadata, chunk.usageMetadata);
		this.modelVersion = latest(this.modelVersion, chunk.modelVersion);
		this.responseId = latest(this.responseId, chunk.responseId);
		this.extra.putAll(chunk.extra());
		return this;
	}

	private CandidateState candidateState(int index) {
		if (this.lastCandidate != null && this.lastCandidateIndex == index) {
			return this.lastCandidate;
		}
		CandidateState state = this.candidates.computeIfAbsent(index, (key) -> new CandidateState());
		this.lastCandidate = state;
		this.lastCandidateIndex = index;
		return state;
	}

	/**
	 * Returns the response as far as the chunks so far go.
	 * @return a new response
	 */
	public GenerateContentResponse result() {
		GenerateContentResponse response = new GenerateContentResponse();
		if (!this.candidates.isEmpty()) {
			List<Candidate> built = new ArrayList<>(this.candidates.size());
			this.candidates.values().forEach((state) -> built.add(state.toCandidate()));
			response.candidates = built;
		}
		response.promptFeedback = this.promptFeedback;
		response.usageMetadata = this.usageMetadata;
		response.modelVersion = this.modelVersion;
		response.responseId = this.responseId;
		response.putAllExtra(this.extra);
		return response;
	}

	@Nullable private static <T> T latest(@Nullable T current, @Nullable T next) {
		return (next != null) ? next : current;
	}

	/**
	 * The state of one candidate, built from the chunks so far.
	 */
	private static final class CandidateState {

		@Nullable private Integer index;

		private boolean hasContent;

		@Nullable private String role;

		private boolean hasParts;

		/** {@link Part}s kept whole and {@link TextRun}s being joined, in order. */
		private final List<Object> parts = new ArrayList<>();

		private final Map<String, Object> contentExtra = new LinkedHashMap<>();

		@Nullable private FinishReason finishReason;

		@Nullable private String finishMessage;

		@Nullable private List<SafetyRating> safetyRatings;

		@Nullable private List<CitationMetadata.Citation> citations;

		@Nullable private GroundingMetadata groundingMetadata;

		@Nullable private UrlContextMetadata urlContextMetadata;

		@Nullable private Double avgLogprobs;

		@Nullable private JsonNode logprobsResult;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		void add(Candidate candidate) {
			this.index = latest(this.index, candidate.index);
			if (candidate.content != null) {
				addContent(candidate.content);
			}
			this.finishReason = latest(this.finishReason, candidate.finishReason);
			this.finishMessage = latest(this.finishMessage, candidate.finishMessage);
			this.safetyRatings = latest(this.safetyRatings, candidate.safetyRatings);
			if (candidate.citationMetadata != null) {
				addCitations(candidate.citationMetadata.citations());
			}
			this.groundingMetadata = latest(this.groundingMetadata, candidate.groundingMetadata);
			this.urlContextMetadata = latest(this.urlContextMetadata, candidate.urlContextMetadata);
			this.avgLogprobs = latest(this.avgLogprobs, candidate.avgLogprobs);
			this.logprobsResult = latest(this.logprobsResult, candidate.logprobsResult);
			this.extra.putAll(candidate.extra());
		}

		private void addContent(Content content) {
			this.hasContent = true;
			this.role = latest(this.role, content.role);
			this.contentExtra.putAll(content.extra());
			if (content.parts == null) {
				return;
			}
			this.hasParts = true;
			for (Part part : content.parts) {
				addPart(part);
			}
		}

		private void addPart(Part part) {
			if (part.text == null) {
				this.parts.add(part);
				return;
			}
			Object last = this.parts.isEmpty() ? null : this.parts.get(this.parts.size() - 1);
			if (last instanceof TextRun run && run.thought() == part.thought()) {
				run.append(part);
			}
			else {
				this.parts.add(new TextRun(part));
			}
		}

		/**
		 * Keeps each citation once, because chunks may repeat the ones an earlier chunk
		 * sent.
		 */
		private void addCitations(List<CitationMetadata.Citation> more) {
			List<CitationMetadata.Citation> all = (this.citations != null) ? this.citations : new ArrayList<>();
			for (CitationMetadata.Citation citation : more) {
				if (!all.contains(citation)) {
					all.add(citation);
				}
			}
			this.citations = all;
		}

		Candidate toCandidate() {
			Candidate candidate = new Candidate();
			candidate.index = this.index;
			candidate.content = this.hasContent ? toContent() : null;
			candidate.finishReason = this.finishReason;
			candidate.finishMessage = this.finishMessage;
			candidate.safetyRatings = this.safetyRatings;
			if (this.citations != null) {
				candidate.citationMetadata = new CitationMetadata();
				candidate.citationMetadata.citations = List.copyOf(this.citations);
			}
			candidate.groundingMetadata = this.groundingMetadata;
			candidate.urlContextMetadata = this.urlContextMetadata;
			candidate.avgLogprobs = this.avgLogprobs;
			candidate.logprobsResult = this.logprobsResult;
			candidate.putAllExtra(this.extra);
			return candidate;
		}

		private Content toContent() {
			Content content = new Content();
			content.role = this.role;
			if (this.hasParts) {
				List<Part> built = new ArrayList<>(this.parts.size());
				for (Object part : this.parts) {
					built.add((part instanceof TextRun run) ? run.toPart() : (Part) part);
				}
				content.parts = built;
			}
			content.putAllExtra(this.contentExtra);
			return content;
		}

	}

	/**
	 * Consecutive text parts with the same thought flag, joined into one.
	 */
	private static final class TextRun {

		private final StringBuilder text = new StringBuilder();

		@Nullable private final Boolean thought;

		@Nullable private String thoughtSignature;

		private final Map<String, Object> extra = new LinkedHashMap<>();

		TextRun(Part first) {
			this.thought = first.thought;
			append(first);
		}

		boolean thought() {
			return Boolean.TRUE.equals(this.thought);
		}

		void append(Part part) {
			this.text.append(part.text);
			this.thoughtSignature = latest(this.thoughtSignature, part.thoughtSignature);
			this.extra.putAll(part.extra());
		}

		Part toPart() {
			Part part = Part.text(this.text.toString());
			part.thought = this.thought;
			part.thoughtSignature = this.thoughtSignature;
			part.putAllExtra(this.extra);
			return part;
		}

	}

}
