package work.liaobots.spring.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * One part of an output item's content or reasoning summary. A single class covers every
 * part type, so a type this version does not know still parses and round-trips: output
 * text ({@code output_text}, with annotations), a {@code refusal}, reasoning summary text
 * ({@code summary_text}) and raw reasoning text ({@code reasoning_text}).
 */
public final class ResponseContentPart extends JsonModel {

	/** Type of output text. */
	public static final String OUTPUT_TEXT = "output_text";

	/** Type of a refusal message from the model. */
	public static final String REFUSAL = "refusal";

	/** Type of reasoning summary text. */
	public static final String SUMMARY_TEXT = "summary_text";

	/** Type of raw reasoning text. */
	public static final String REASONING_TEXT = "reasoning_text";

	@Nullable String type;

	@Nullable String text;

	@Nullable List<Object> annotations;

	@Nullable List<Object> logprobs;

	@Nullable String refusal;

	/**
	 * Creates an empty part of a type, as the accumulator starts one before its text
	 * arrives.
	 * @param type the part type
	 * @return the part
	 */
	static ResponseContentPart ofType(String type) {
		ResponseContentPart part = new ResponseContentPart();
		part.type = type;
		return part;
	}

	/**
	 * Returns the part type, such as {@link #OUTPUT_TEXT}.
	 * @return the type, or {@code null} if the server sent none
	 */
	@Nullable public String type() {
		return this.type;
	}

	/**
	 * Returns the text of an {@code output_text}, {@code summary_text} or
	 * {@code reasoning_text} part.
	 * @return the text, or {@code null} for other parts
	 */
	@Nullable public String text() {
		return this.text;
	}

	/**
	 * Returns the annotations of output text, such as URL or file citations, as JSON
	 * maps.
	 * @return the annotations, empty when there are none
	 */
	public List<Object> annotations() {
		return (this.annotations != null) ? this.annotations : List.of();
	}

	/**
	 * Returns the token log probabilities of output text, when the request's
	 * {@code include} lists {@code message.output_text.logprobs}.
	 * @return the log probabilities as JSON maps, empty when there are none
	 */
	public List<Object> logprobs() {
		return (this.logprobs != null) ? this.logprobs : List.of();
	}

	/**
	 * Returns the refusal text of a {@code refusal} part.
	 * @return the refusal, or {@code null} for other parts
	 */
	@Nullable public String refusal() {
		return this.refusal;
	}

	/**
	 * Returns a copy whose lists can change without changing this part.
	 */
	ResponseContentPart copy() {
		ResponseContentPart copy = new ResponseContentPart();
		copy.type = this.type;
		copy.text = this.text;
		copy.annotations = (this.annotations != null) ? new ArrayList<>(this.annotations) : null;
		copy.logprobs = (this.logprobs != null) ? new ArrayList<>(this.logprobs) : null;
		copy.refusal = this.refusal;
		for (Map.Entry<String, Object> entry : extra().entrySet()) {
			copy.putExtra(entry.getKey(), entry.getValue());
		}
		return copy;
	}

}
