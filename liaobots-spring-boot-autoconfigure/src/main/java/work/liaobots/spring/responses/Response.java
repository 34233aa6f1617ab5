package work.liaobots.spring.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.observation.TokenUsage;
import work.liaobots.spring.observation.ModelResponse;

/**
 * A model response ({@code object: "response"}): the non-streaming result, the snapshot
 * inside stream events, and what {@link ResponseAccumulator} folds a stream into.
 * <p>
 * The request settings the API echoes back ({@code instructions}, {@code tools},
 * {@code temperature} and so on) are kept in {@link #extra()}.
 */
public final class Response extends JsonModel implements ModelResponse {

	@Nullable String id;

	@Nullable String object;

	@JsonProperty("created_at")
	@Nullable Long createdAt;

	@JsonProperty("completed_at")
	@Nullable Long completedAt;

	@Nullable ResponseStatus status;

	@Nullable ErrorDetails error;

	@JsonProperty("incomplete_details")
	@Nullable IncompleteDetails incompleteDetails;

	@Nullable String model;

	@Nullable List<ResponseOutputItem> output;

	@Nullable ResponseUsage usage;

	/**
	 * Returns the response id, such as {@code resp_…}. Pass it as
	 * {@code previous_response_id} to continue the conversation.
	 * @return the id, or {@code null}
	 */
	@Nullable public String id() {
		return this.id;
	}

	/**
	 * Returns the object type, {@code response}.
	 * @return the type, or {@code null}
	 */
	@Nullable public String object() {
		return this.object;
	}

	/**
	 * Returns the creation time in Unix seconds.
	 * @return the time, or {@code null}
	 */
	@Nullable public Long createdAt() {
		return this.createdAt;
	}

	/**
	 * Returns the completion time in Unix seconds.
	 * @return the time, or {@code null} while the response is not completed
	 */
	@Nullable public Long completedAt() {
		return this.completedAt;
	}

	@Nullable public ResponseStatus status() {
		return this.status;
	}

	/**
	 * Returns why the response failed.
	 * @return the error, or {@code null} unless the status is {@code failed}
	 */
	@Nullable public ErrorDetails error() {
		return this.error;
	}

	/**
	 * Returns why the model stopped early.
	 * @return the details, or {@code null} unless the status is {@code incomplete}
	 */
	@Nullable public IncompleteDetails incompleteDetails() {
		return this.incompleteDetails;
	}

	@Nullable public String model() {
		return this.model;
	}

	/**
	 * Returns the output items in the order the model produced them.
	 * @return the items, empty when there are none
	 */
	public List<ResponseOutputItem> output() {
		return (this.output != null) ? this.output : List.of();
	}

	/**
	 * Returns the token counts.
	 * @return the usage, or {@code null} (stream snapshots before the terminal event have
	 * none)
	 */
	@Nullable public ResponseUsage usage() {
		return this.usage;
	}

	/**
	 * Returns the output text: every {@code output_text} part of every {@code message}
	 * item, joined without separator. The wire format has no such field, but OpenAI's
	 * SDKs offer the same convenience.
	 * @return the text, empty when there is none
	 */
	public String outputText() {
		StringBuilder text = new StringBuilder();
		for (ResponseOutputItem item : output()) {
			if (item.is(ResponseOutputItem.MESSAGE)) {
				text.append(item.outputText());
			}
		}
		return text.toString();
	}

	/**
	 * Returns the {@code function_call} items. The caller runs each function and sends
	 * the result back with {@link ResponseInputItem#functionCallOutput(String, String)}.
	 * @return the calls in output order, empty when there are none
	 */
	public List<ResponseOutputItem> functionCalls() {
		List<ResponseOutputItem> calls = new ArrayList<>();
		for (ResponseOutputItem item : output()) {
			if (item.is(ResponseOutputItem.FUNCTION_CALL)) {
				calls.add(item);
			}
		}
		return calls;
	}

	/**
	 * Returns a copy whose output list can change without changing this response. The
	 * items themselves are shared.
	 */
	Response copy() {
		Response copy = new Response();
		copy.id = this.id;
		copy.object = this.object;
		copy.createdAt = this.createdAt;
		copy.completedAt = this.completedAt;
		copy.status = this.status;
		copy.error = this.error;
		copy.incompleteDetails = this.incompleteDetails;
		copy.model = this.model;
		copy.output = (this.output != null) ? new ArrayList<>(this.output) : null;
		copy.usage = this.usage;
		for (Map.Entry<String, Object> entry : extra().entrySet()) {
			copy.putExtra(entry.getKey(), entry.getValue());
		}
		return copy;
	}

	@Override
	@Nullable public String responseModel() {
		return this.model;
	}

	@Override
	@Nullable public TokenUsage tokenUsage() {
		if (this.usage == null) {
			return null;
		}
		Integer input = this.usage.inputTokens();
		Integer output = this.usage.outputTokens();
		return new TokenUsage((input != null) ? input : 0, (output != null) ? output : 0);
	}

	/**
	 * Error of a failed response.
	 */
	public static final class ErrorDetails extends JsonModel {

		@Nullable String code;

		@Nullable String message;

		/**
		 * Returns the error code, such as {@code server_error} or
		 * {@code rate_limit_exceeded}.
		 * @return the code, or {@code null}
		 */
		@Nullable public String code() {
			return this.code;
		}

		@Nullable public String message() {
			return this.message;
		}

	}

	/**
	 * Reason of a response that stopped early.
	 */
	public static final class IncompleteDetails extends JsonModel {

		@Nullable String reason;

		/**
		 * Returns the reason, such as {@code max_output_tokens} or
		 * {@code content_filter}.
		 * @return the reason, or {@code null}
		 */
		@Nullable public String reason() {
			return this.reason;
		}

	}

}
