package work.liaobots.spring.messages;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message of a Messages request.
 *
 * @param role the author: {@code user} or {@code assistant}
 * @param content a {@code String}, or a list of content blocks ({@link ContentBlock}s, or
 * maps in the wire shape)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageParam(String role, Object content) {

	/** Role of the person asking, and of tool results. */
	public static final String USER = "user";

	/** Role of the model. */
	public static final String ASSISTANT = "assistant";

	public MessageParam {
		if (content instanceof List<?> blocks) {
			content = List.copyOf(blocks);
		}
	}

	public static MessageParam user(String text) {
		return new MessageParam(USER, text);
	}

	/**
	 * Creates a user message made of blocks, such as text and an image, or the results of
	 * the model's tool uses.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam user(List<?> blocks) {
		return new MessageParam(USER, blocks);
	}

	/**
	 * Creates a user message with the results of tool uses.
	 * @param results the {@link ContentBlock#toolResult(String, String) tool_result}
	 * blocks
	 * @return the message
	 */
	public static MessageParam toolResults(ContentBlock... results) {
		return new MessageParam(USER, List.of(results));
	}

	/**
	 * Creates an assistant message with text, for example a prefill that the model
	 * continues.
	 * @param text the text
	 * @return the message
	 */
	public static MessageParam assistant(String text) {
		return new MessageParam(ASSISTANT, text);
	}

	/**
	 * Creates an assistant message from blocks. To send back a model's response, use
	 * {@link Message#toParam()}, which keeps every block.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam assistant(List<?> blocks) {
		return new MessageParam(ASSISTANT, blocks);
	}

}
