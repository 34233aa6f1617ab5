package work.liaobots.spring.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * The assistant message of a completed choice.
 */
public final class ChatCompletionMessage extends JsonModel {

	@Nullable String role;

	@Nullable String content;

	@Nullable String refusal;

	@JsonProperty("tool_calls")
	@Nullable List<ToolCall> toolCalls;

	@Nullable List<Object> annotations;

	@Nullable public String role() {
		return this.role;
	}

	/**
	 * Returns the answer text.
	 * @return the text, or {@code null} when the model only called tools or refused
	 */
	@Nullable public String content() {
		return this.content;
	}

	@Nullable public String refusal() {
		return this.refusal;
	}

	/**
	 * Returns the tool calls in the order the model made them.
	 * @return the calls, empty when there are none
	 */
	public List<ToolCall> toolCalls() {
		return (this.toolCalls != null) ? this.toolCalls : List.of();
	}

	@Nullable public List<Object> annotations() {
		return this.annotations;
	}

	/**
	 * Returns this message as a request message, to continue the conversation.
	 * @return the request message
	 */
	public ChatMessage toChatMessage() {
		String messageRole = (this.role != null) ? this.role : ChatMessage.ASSISTANT;
		List<ToolCall> calls = (this.toolCalls != null && !this.toolCalls.isEmpty()) ? this.toolCalls : null;
		return new ChatMessage(messageRole, this.content, null, calls, null, null);
	}

}
