package work.liaobots.spring.test;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wire-format JSON of the Anthropic Messages surface, for scripting the stub: whole
 * messages, content blocks, every stream event and the error body, shaped as the API
 * sends them. A streamed message and a whole message built from the same content and
 * counts describe the same message: same id, blocks and usage.
 */
public final class StubMessagesPayloads {

	/** The id of every message the stub builds. */
	public static final String MESSAGE_ID = "msg_01StubGatewayMessage";

	/** The model of canned replies when the request names none. */
	public static final String DEFAULT_MODEL = "claude-sonnet-4-5";

	private StubMessagesPayloads() {
	}

	/**
	 * Returns a whole message with one text block that ended its turn.
	 * @param model the model
	 * @param text the text
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the message JSON
	 */
	public static String message(String model, String text, int inputTokens, int outputTokens) {
		return message(model, List.of(textBlock(text)), "end_turn", inputTokens, outputTokens);
	}

	/**
	 * Returns a whole message.
	 * @param model the model
	 * @param blocks the content blocks as JSON, such as from {@link #textBlock(String)}
	 * @param stopReason the stop reason, such as {@code end_turn} or {@code tool_use}
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the message JSON
	 */
	public static String message(String model, List<String> blocks, String stopReason, int inputTokens,
			int outputTokens) {
		ObjectNode message = messageShell(model, inputTokens, outputTokens);
		ArrayNode content = message.putArray("content");
		blocks.forEach((block) -> content.add(StubPayloads.MAPPER.readTree(block)));
		message.put("stop_reason", stopReason);
		return message.toString();
	}

	/**
	 * Returns a {@code text} block.
	 * @param text the text
	 * @return the block JSON
	 */
	public static String textBlock(String text) {
		return StubPayloads.MAPPER.createObjectNode().put("type", "text").put("text", text).toString();
	}

	/**
	 * Returns a {@code thinking} block.
	 * @param thinking the reasoning text
	 * @param signature the signature
	 * @return the block JSON
	 */
	public static String thinkingBlock(String thinking, String signature) {
		return StubPayloads.MAPPER.createObjectNode()
			.put("type", "thinking")
			.put("thinking", thinking)
			.put("signature", signature)
			.toString();
	}

	/**
	 * Returns a {@code tool_use} block.
	 * @param id the tool use id, such as {@code toolu_01...}
	 * @param name the tool name
	 * @param inputJson the input as a JSON object
	 * @return the block JSON
	 */
	public static String toolUseBlock(String id, String name, String inputJson) {
		ObjectNode block = StubPayloads.MAPPER.createObjectNode()
			.put("type", "tool_use")
			.put("id", id)
			.put("name", name);
		block.set("input", StubPayloads.MAPPER.readTree(inputJson));
		return block.toString();
	}

	/**
	 * Returns the {@code message_start} event: the message with no content, the input
	 * counts and an output count of 1.
	 * @param model the model
	 * @param inputTokens input tokens
	 * @return the event JSON
	 */
	public static String messageStart(String model, int inputTokens) {
		ObjectNode message = messageShell(model, inputTokens, 1);
		ObjectNode event = StubPayloads.MAPPER.createObjectNode().put("type", "message_start");
		event.set("message", message);
		return event.toString();
	}

	/**
	 * Returns a {@code content_block_start} event.
	 * @param index the block index
	 * @param blockJson the opening block as JSON
	 * @return the event JSON
	 */
	public static String contentBlockStart(int index, String blockJson) {
		ObjectNode event = blockEvent("content_block_start", index);
		event.set("content_block", StubPayloads.MAPPER.readTree(blockJson));
		return event.toString();
	}

	/**
	 * Returns the {@code content_block_start} of a text block, with empty text.
	 * @param index the block index
	 * @return the event JSON
	 */
	public static String textBlockStart(int index) {
		return contentBlockStart(index, textBlock(""));
	}

	/**
	 * Returns the {@code content_block_start} of a thinking block, with empty thinking
	 * and signature.
	 * @param index the block index
	 * @return the event JSON
	 */
	public static String thinkingBlockStart(int index) {
		return contentBlockStart(index, thinkingBlock("", ""));
	}

	/**
	 * Returns the {@code content_block_start} of a tool use, with an empty input.
	 * @param index the block index
	 * @param id the tool use id
	 * @param name the tool name
	 * @return the event JSON
	 */
	public static String toolUseBlockStart(int index, String id, String name) {
		return contentBlockStart(index, toolUseBlock(id, name, "{}"));
	}

	/**
	 * Returns a {@code text_delta} event.
	 * @param index the block index
	 * @param text the text piece
	 * @return the event JSON
	 */
	public static String textDelta(int index, String text) {
		return blockDelta(index, "text_delta", "text", text);
	}

	/**
	 * Returns an {@code input_json_delta} event.
	 * @param index the block index
	 * @param partialJson a piece of the input JSON
	 * @return the event JSON
	 */
	public static String inputJsonDelta(int index, String partialJson) {
		return blockDelta(index, "input_json_delta", "partial_json", partialJson);
	}

	/**
	 * Returns a {@code thinking_delta} event.
	 * @param index the block index
	 * @param thinking the reasoning piece
	 * @return the event JSON
	 */
	public static String thinkingDelta(int index, String thinking) {
		return blockDelta(index, "thinking_delta", "thinking", thinking);
	}

	/**
	 * Returns a {@code signature_delta} event.
	 * @param index the block index
	 * @param signature the whole signature
	 * @return the event JSON
	 */
	public static String signatureDelta(int index, String signature) {
		return blockDelta(index, "signature_delta", "signature", signature);
	}

	/**
	 * Returns a {@code content_block_stop} event.
	 * @param index the block index
	 * @return the event JSON
	 */
	public static String contentBlockStop(int index) {
		return blockEvent("content_block_stop", index).toString();
	}

	/**
	 * Returns the {@code message_delta} event with the stop reason and the final output
	 * count.
	 * @param stopReason the stop reason
	 * @param outputTokens the cumulative output tokens
	 * @return the event JSON
	 */
	public static String messageDelta(String stopReason, int outputTokens) {
		ObjectNode event = StubPayloads.MAPPER.createObjectNode().put("type", "message_delta");
		event.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
		event.putObject("usage").put("output_tokens", outputTokens);
		return event.toString();
	}

	public static String messageStop() {
		return "{\"type\":\"message_stop\"}";
	}

	public static String ping() {
		return "{\"type\": \"ping\"}";
	}

	/**
	 * Returns an {@code error} event, which ends a stream.
	 * @param type the error type, such as {@code overloaded_error}
	 * @param message the message
	 * @return the event JSON
	 */
	public static String errorEvent(String type, String message) {
		ObjectNode event = StubPayloads.MAPPER.createObjectNode().put("type", "error");
		event.putObject("error").put("type", type).put("message", message);
		return event.toString();
	}

	/**
	 * Returns an Anthropic error body, sent with an error status.
	 * @param type the error type, such as {@code invalid_request_error}
	 * @param message the message
	 * @param requestId the request id, such as {@code req_011...}
	 * @return the error JSON
	 */
	public static String error(String type, String message, String requestId) {
		ObjectNode body = StubPayloads.MAPPER.createObjectNode().put("type", "error");
		body.putObject("error").put("type", type).put("message", message);
		body.put("request_id", requestId);
		return body.toString();
	}

	private static ObjectNode messageShell(String model, int inputTokens, int outputTokens) {
		ObjectNode message = StubPayloads.MAPPER.createObjectNode()
			.put("id", MESSAGE_ID)
			.put("type", "message")
			.put("role", "assistant")
			.put("model", model);
		message.putArray("content");
		message.putNull("stop_reason");
		message.putNull("stop_sequence");
		ObjectNode usage = message.putObject("usage")
			.put("input_tokens", inputTokens)
			.put("cache_creation_input_tokens", 0)
			.put("cache_read_input_tokens", 0);
		usage.putObject("cache_creation").put("ephemeral_5m_input_tokens", 0).put("ephemeral_1h_input_tokens", 0);
		usage.put("output_tokens", outputTokens).put("service_tier", "standard");
		return message;
	}

	private static ObjectNode blockEvent(String type, int index) {
		return StubPayloads.MAPPER.createObjectNode().put("type", type).put("index", index);
	}

	private static String blockDelta(int index, String deltaType, String field, String value) {
		ObjectNode event = blockEvent("content_block_delta", index);
		event.putObject("delta").put("type", deltaType).put(field, value);
		return event.toString();
	}

}
