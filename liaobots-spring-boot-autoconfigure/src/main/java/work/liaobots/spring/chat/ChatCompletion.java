package work.liaobots.spring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.observation.TokenUsage;
import work.liaobots.spring.observation.ModelResponse;

/**
 * A chat completion: the non-streaming response, and what
 * {@link ChatCompletionAccumulator} folds a stream into.
 */
public final class ChatCompletion extends JsonModel implements ModelResponse {

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

	/**
	 * Returns the object type, {@code chat.completion}.
	 * @return the type
	 */
	@Nullable public String object() {
		return this.object;
	}

	/**
	 * Returns the creation time in Unix seconds.
	 * @return the time, or {@code null}
	 */
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
	 * Returns the text of the first choice.
	 * @return the text, or {@code null} when there is none
	 */
	@Nullable public String text() {
		List<Choice> all = choices();
		return (all.isEmpty() || all.get(0).message == null) ? null : all.get(0).message.content();
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
		return new TokenUsage(orZero(this.usage.promptTokens), orZero(this.usage.completionTokens));
	}

	private static long orZero(@Nullable Integer count) {
		return (count != null) ? count : 0;
	}

	/**
	 * One generated answer.
	 */
	public static final class Choice extends JsonModel {

		@Nullable Integer index;

		@Nullable ChatCompletionMessage message;

		@JsonProperty("finish_reason")
		@Nullable FinishReason finishReason;

		@Nullable Object logprobs;

		public int index() {
			return (this.index != null) ? this.index : 0;
		}

		@Nullable public ChatCompletionMessage message() {
			return this.message;
		}

		@Nullable public FinishReason finishReason() {
			return this.finishReason;
		}

		@Nullable public Object logprobs() {
			return this.logprobs;
		}

	}

}
