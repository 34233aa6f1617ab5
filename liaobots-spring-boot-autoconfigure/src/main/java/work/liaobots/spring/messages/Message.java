package work.liaobots.spring.messages;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.observation.TokenUsage;
import work.liaobots.spring.observation.ModelResponse;

/**
 * A message from the model: the non-streaming response, the shell that
 * {@code message_start} carries, and what {@link MessageAccumulator} folds a stream into.
 */
public final class Message extends JsonModel implements ModelResponse {

	@Nullable String id;

	@Nullable String type;

	@Nullable String role;

	@Nullable String model;

	@Nullable List<ContentBlock> content;

	@JsonProperty("stop_reason")
	@Nullable StopReason stopReason;

	@JsonProperty("stop_sequence")
	@Nullable String stopSequence;

	@JsonProperty("stop_details")
	@Nullable StopDetails stopDetails;

	@Nullable MessageUsage usage;

	/**
	 * Returns the message id.
	 * @return the id, such as {@code msg_01...}, or {@code null}
	 */
	@Nullable public String id() {
		return this.id;
	}

	/**
	 * Returns the object type, {@code message}.
	 * @return the type, or {@code null}
	 */
	@Nullable public String type() {
		return this.type;
	}

	/**
	 * Returns the author, {@code assistant}.
	 * @return the role, or {@code null}
	 */
	@Nullable public String role() {
		return this.role;
	}

	@Nullable public String model() {
		return this.model;
	}

	/**
	 * Returns the content blocks in the order the model produced them.
	 * @return the blocks, empty when there are none
	 */
	public List<ContentBlock> content() {
		return (this.content != null) ? this.content : List.of();
	}

	/**
	 * Returns why the model stopped.
	 * @return the reason, or {@code null} while a stream has not reported it
	 */
	@Nullable public StopReason stopReason() {
		return this.stopReason;
	}

	/**
	 * Returns the stop sequence the model produced.
	 * @return the sequence, or {@code null} unless the reason is {@code stop_sequence}
	 */
	@Nullable public String stopSequence() {
		return this.stopSequence;
	}

	/**
	 * Returns details of a refusal.
	 * @return the details, or {@code null}
	 */
	@Nullable public StopDetails stopDetails() {
		return this.stopDetails;
	}

	@Nullable public MessageUsage usage() {
		return this.usage;
	}

	/**
	 * Returns the text of all {@code text} blocks, joined without a separator.
	 * @return the text, empty when the message has no text block
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : content()) {
			if (block.is(ContentBlock.Type.TEXT) && block.text() != null) {
				text.append(block.text());
			}
		}
		return text.toString();
	}

	/**
	 * Returns the {@code tool_use} blocks: the tools the caller must run and return
	 * results for with {@link ContentBlock#toolResult(String, String)}.
	 * @return the blocks in order, empty when there are none
	 */
	public List<ContentBlock> toolUses() {
		return content().stream().filter((block) -> block.is(ContentBlock.Type.TOOL_USE)).toList();
	}

	/**
	 * Returns this message as a request message, to continue the conversation. Every
	 * block, including thinking blocks with their signatures and tool uses, goes back
	 * unchanged, as the API requires.
	 * @return the request message
	 */
	public MessageParam toParam() {
		String messageRole = (this.role != null) ? this.role : MessageParam.ASSISTANT;
		return new MessageParam(messageRole, content());
	}

	void putAllExtra(Map<String, Object> fields) {
		fields.forEach(this::putExtra);
	}

	@Override
	@Nullable public String responseModel() {
		return this.model;
	}

	/**
	 * Returns the usage with cache reads and writes counted as input, as OpenTelemetry's
	 * GenAI conventions count them.
	 */
	@Override
	@Nullable public TokenUsage tokenUsage() {
		if (this.usage == null) {
			return null;
		}
		Integer output = this.usage.outputTokens();
		return new TokenUsage(this.usage.totalInputTokens(), (output != null) ? output : 0);
	}

}
