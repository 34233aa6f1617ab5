package work.liaobots.spring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * One event of a streamed chat completion. The last chunk before {@code [DONE]} has no
 * choices and carries the {@link #usage()} of the whole call.
 */
public final class ChatCompletionChunk extends JsonModel {

	@Nullable String id;

	@Nullable String object;

	@Nullable Long created;

	@Nullable String model;

	@Nullable List<Choice> choices;

	@Nullable ChatUsage usage;

	@JsonProperty("service_tier")
	@Nullable String serviceTier;

	@JsonProperty("system_fingerprint")
	@Nullable String systemFingerprint;

	@Nullable public String id() {
		return this.id;
	}

	@Nullable public String object() {
		return this.object;
	}

	@Nullable public Long created() {
		return this.created;
	}

	@Nullable public String model() {
		return this.model;
	}

	public List<Choice> choices() {
		return (this.choices != null) ? this.choices : List.of();
	}

	@Nullable public ChatUsage usage() {
		return this.usage;
	}

	@Nullable public String serviceTier() {
		return this.serviceTier;
	}

	@Nullable public String systemFingerprint() {
		return this.systemFingerprint;
	}

	/**
	 * Returns the text delta of the first choice.
	 * @return the text piece, or {@code null} when this chunk carries none
	 */
	@Nullable public String text() {
		List<Choice> all = choices();
		return (all.isEmpty() || all.get(0).delta == null) ? null : all.get(0).delta.content;
	}

	/**
	 * The change one chunk makes to one choice.
	 */
	public static final class Choice extends JsonModel {

		@Nullable Integer index;

		@Nullable Delta delta;

		@JsonProperty("finish_reason")
		@Nullable FinishReason finishReason;

		@Nullable Object logprobs;

		public int index() {
			return (this.index != null) ? this.index : 0;
		}

		@Nullable public Delta delta() {
			return this.delta;
		}

		/**
		 * Returns why the choice stopped; set on the choice's last chunk only.
		 * @return the reason, or {@code null} while the choice continues
		 */
		@Nullable public FinishReason finishReason() {
			return this.finishReason;
		}

		@Nullable public Object logprobs() {
			return this.logprobs;
		}

	}

	/**
	 * New content of a choice.
	 */
	public static final class Delta extends JsonModel {

		@Nullable String role;

		@Nullable String content;

		@Nullable String refusal;

		@JsonProperty("tool_calls")
		@Nullable List<ToolCallDelta> toolCalls;

		@Nullable public String role() {
			return this.role;
		}

		@Nullable public String content() {
			return this.content;
		}

		@Nullable public String refusal() {
			return this.refusal;
		}

		public List<ToolCallDelta> toolCalls() {
			return (this.toolCalls != null) ? this.toolCalls : List.of();
		}

	}

	/**
	 * A fragment of a tool call. Fragments with the same {@link #index()} belong to one
	 * call: the first carries the id and name, later ones pieces of the arguments.
	 */
	public static final class ToolCallDelta extends JsonModel {

		@Nullable Integer index;

		@Nullable String id;

		@Nullable String type;

		@Nullable FunctionDelta function;

		public int index() {
			return (this.index != null) ? this.index : 0;
		}

		@Nullable public String id() {
			return this.id;
		}

		@Nullable public String type() {
			return this.type;
		}

		@Nullable public FunctionDelta function() {
			return this.function;
		}

	}

	/**
	 * A fragment of a function call.
	 */
	public static final class FunctionDelta extends JsonModel {

		@Nullable String name;

		@Nullable String arguments;

		@Nullable public String name() {
			return this.name;
		}

		@Nullable public String arguments() {
			return this.arguments;
		}

	}

}
