package work.liaobots.spring.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * One message of a chat request.
 *
 * @param role the author: {@code system}, {@code developer}, {@code user},
 * {@code assistant}, {@code tool}, or any other role the gateway accepts
 * @param content a {@code String}, or a list of {@link ChatContentPart}s; {@code null}
 * for an assistant message that only calls tools
 * @param name an optional participant name
 * @param toolCalls the tool calls of an assistant message
 * @param toolCallId the call a {@code tool} message answers
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChatMessage(String role, @Nullable Object content, @Nullable String name,
		@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
		@JsonProperty("tool_call_id") @Nullable String toolCallId,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	/** Role of instructions for the model. */
	public static final String SYSTEM = "system";

	/** Role of the person asking. */
	public static final String USER = "user";

	/** Role of the model. */
	public static final String ASSISTANT = "assistant";

	/** Role of a tool result. */
	public static final String TOOL = "tool";

	public ChatMessage {
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a message with text content.
	 * @param role the role
	 * @param text the text
	 * @return the message
	 */
	public static ChatMessage of(String role, String text) {
		return new ChatMessage(role, text, null, null, null, null);
	}

	public static ChatMessage system(String text) {
		return of(SYSTEM, text);
	}

	public static ChatMessage user(String text) {
		return of(USER, text);
	}

	/**
	 * Creates a user message made of parts, such as text and an image.
	 * @param parts the parts
	 * @return the message
	 */
	public static ChatMessage user(List<ChatContentPart> parts) {
		return new ChatMessage(USER, List.copyOf(parts), null, null, null, null);
	}

	public static ChatMessage assistant(String text) {
		return of(ASSISTANT, text);
	}

	/**
	 * Creates the answer to a tool call.
	 * @param toolCallId the id of the call
	 * @param result the tool's result, usually JSON
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String result) {
		return new ChatMessage(TOOL, result, null, null, toolCallId, null);
	}

}
