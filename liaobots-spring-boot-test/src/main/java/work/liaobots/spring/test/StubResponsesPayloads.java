package work.liaobots.spring.test;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wire-format JSON of the OpenAI Responses API ({@code POST /v1/responses}), for
 * scripting the stub: whole responses, stream events and error events, shaped as OpenAI
 * sends them.
 * <p>
 * Event builders leave {@code sequence_number} out, because {@link #sse(List)},
 * {@link #body(List)} and {@link #sequenced(List)} number the events of a stream in
 * order, as the API does.
 */
public final class StubResponsesPayloads {

	/** The id of stub responses. */
	public static final String RESPONSE_ID = "resp_stub";

	/** The id of the message item of stub responses. */
	public static final String MESSAGE_ID = "msg_stub";

	/** The id of the function call item of stub responses. */
	public static final String FUNCTION_CALL_ID = "fc_stub";

	static final long CREATED_AT = 1760000000L;

	private StubResponsesPayloads() {
	}

	/**
	 * Returns a completed response with one message.
	 * @param model the model
	 * @param text the output text
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the response JSON
	 */
	public static String response(String model, String text, int inputTokens, int outputTokens) {
		ObjectNode response = responseNode(model, "completed", usage(inputTokens, outputTokens));
		response.withArray("output").add(messageItem(MESSAGE_ID, "completed", text));
		return response.toString();
	}

	/**
	 * Returns a completed response with one function call.
	 * @param model the model
	 * @param callId the call id, such as {@code call_1}
	 * @param name the function name
	 * @param arguments the JSON arguments
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the response JSON
	 */
	public static String functionCallResponse(String model, String callId, String name, String arguments,
			int inputTokens, int outputTokens) {
		ObjectNode response = responseNode(model, "completed", usage(inputTokens, outputTokens));
		response.withArray("output").add(functionCallItem(FUNCTION_CALL_ID, callId, name, arguments, "completed"));
		return response.toString();
	}

	/**
	 * Returns a response the model stopped early, with the text it produced.
	 * @param model the model
	 * @param text the output text produced before the stop
	 * @param reason the reason, such as {@code max_output_tokens}
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the response JSON
	 */
	public static String incompleteResponse(String model, String text, String reason, int inputTokens,
			int outputTokens) {
		ObjectNode response = responseNode(model, "incomplete", usage(inputTokens, outputTokens));
		response.putObject("incomplete_details").put("reason", reason);
		response.withArray("output").add(messageItem(MESSAGE_ID, "incomplete", text));
		return response.toString();
	}

	/**
	 * Returns the {@code response.created} event, with a snapshot that has no output and
	 * no usage yet.
	 * @param model the model
	 * @return the event JSON
	 */
	public static String created(String model) {
		return snapshotEvent("response.created", model);
	}

	/**
	 * Returns the {@code response.in_progress} event.
	 * @param model the model
	 * @return the event JSON
	 */
	public static String inProgress(String model) {
		return snapshotEvent("response.in_progress", model);
	}

	/**
	 * Returns the {@code response.output_item.added} event of an empty message.
	 * @param outputIndex the output index
	 * @param itemId the item id
	 * @return the event JSON
	 */
	public static String messageAdded(int outputIndex, String itemId) {
		return itemEvent("response.output_item.added", outputIndex, messageItem(itemId, "in_progress", null));
	}

	/**
	 * Returns the {@code response.content_part.added} event of an empty text part.
	 * @param itemId the item id
	 * @param outputIndex the output index
	 * @param contentIndex the content index
	 * @return the event JSON
	 */
	public static String textPartAdded(String itemId, int outputIndex, int contentIndex) {
		ObjectNode event = contentEvent("response.content_part.added", itemId, outputIndex, contentIndex);
		event.set("part", textPart(""));
		return event.toString();
	}

	/**
	 * Returns a {@code response.output_text.delta} event. Like OpenAI's, it carries an
	 * {@code obfuscation} field that clients do not declare.
	 * @param itemId the item id
	 * @param outputIndex the output index
	 * @param contentIndex the content index
	 * @param delta the text piece
	 * @return the event JSON
	 */
	public static String textDelta(String itemId, int outputIndex, int contentIndex, String delta) {
		ObjectNode event = contentEvent("response.output_text.delta", itemId, outputIndex, contentIndex);
		event.put("delta", delta);
		event.putArray("logprobs");
		event.put("obfuscation", "stubpad");
		return event.toString();
	}

	/**
	 * Returns the {@code response.output_text.done} event.
	 * @param itemId the item id
	 * @param outputIndex the output index
	 * @param contentIndex the content index
	 * @param text the whole text of the part
	 * @return the event JSON
	 */
	public static String textDone(String itemId, int outputIndex, int contentIndex, String text) {
		ObjectNode event = contentEvent("response.output_text.done", itemId, outputIndex, contentIndex);
		event.put("text", text);
		event.putArray("logprobs");
		return event.toString();
	}

	/**
	 * Returns the {@code response.content_part.done} event of a text part.
	 * @param itemId the item id
	 * @param outputIndex the output index
	 * @param contentIndex the content index
	 * @param text the whole text of the part
	 * @return the event JSON
	 */
	public static String textPartDone(String itemId, int outputIndex, int contentIndex, String text) {
		ObjectNode event = contentEvent("response.content_part.done", itemId, outputIndex, contentIndex);
		event.set("part", textPart(text));
		return event.toString();
	}

	/**
	 * Returns the {@code response.output_item.done} event of a message.
	 * @param outputIndex the output index
	 * @param itemId the item id
	 * @param text the whole text of the message
	 * @return the event JSON
	 */
	public static String messageDone(int outputIndex, String itemId, String text) {
		return itemEvent("response.output_item.done", outputIndex, messageItem(itemId, "completed", text));
	}

	/**
	 * Returns the {@code response.output_item.added} event of a function call, with empty
	 * arguments.
	 * @param outputIndex the output index
	 * @param itemId the item id
	 * @param callId the call id
	 * @param name the function name
	 * @return the event JSON
	 */
	public static String functionCallAdded(int outputIndex, String itemId, String callId, String name) {
		return itemEvent("response.output_item.added", outputIndex,
				functionCallItem(itemId, callId, name, "", "in_progress"));
	}

	/**
	 * Returns a {@code response.function_call_arguments.delta} event. Like OpenAI's, it
	 * has no function name.
	 * @param itemId the item id
	 * @param outputIndex the output index
	 * @param delta the piece of the arguments
	 * @return the event JSON
	 */
	public static String argumentsDelta(String itemId, int outputIndex, String delta) {
		ObjectNode event = event("response.function_call_arguments.delta").put("item_id", itemId)
			.put("output_index", outputIndex)
			.put("delta", delta);
		event.put("obfuscation", "stubpad");
		return event.toString();
	}

	/**
	 * Returns the {@code response.function_call_arguments.done} event.
	 * @param itemId the item id
	 * @param outputIndex the output index
	 * @param name the function name
	 * @param arguments the whole JSON arguments
	 * @return the event JSON
	 */
	public static String argumentsDone(String itemId, int outputIndex, String name, String arguments) {
		return event("response.function_call_arguments.done").put("item_id", itemId)
			.put("output_index", outputIndex)
			.put("name", name)
			.put("arguments", arguments)
			.toString();
	}

	/**
	 * Returns the {@code response.output_item.done} event of a function call.
	 * @param outputIndex the output index
	 * @param itemId the item id
	 * @param callId the call id
	 * @param name the function name
	 * @param arguments the whole JSON arguments
	 * @return the event JSON
	 */
	public static String functionCallDone(int outputIndex, String itemId, String callId, String name,
			String arguments) {
		return itemEvent("response.output_item.done", outputIndex,
				functionCallItem(itemId, callId, name, arguments, "completed"));
	}

	/**
	 * Returns the {@code response.completed} event.
	 * @param response the final response JSON, such as from
	 * {@link #response(String, String, int, int)}
	 * @return the event JSON
	 */
	public static String completed(String response) {
		return terminal("response.completed", response);
	}

	/**
	 * Returns the {@code response.incomplete} event.
	 * @param response the final response JSON, such as from
	 * {@link #incompleteResponse(String, String, String, int, int)}
	 * @return the event JSON
	 */
	public static String incomplete(String response) {
		return terminal("response.incomplete", response);
	}

	/**
	 * Returns a terminal event of any type that carries a final response, such as the
	 * {@code response.done} some upstreams send.
	 * @param type the event type
	 * @param response the final response JSON
	 * @return the event JSON
	 */
	public static String terminal(String type, String response) {
		ObjectNode event = event(type);
		event.set("response", StubPayloads.MAPPER.readTree(response));
		return event.toString();
	}

	/**
	 * Returns the {@code response.failed} event, whose response has status {@code failed}
	 * and an error.
	 * @param model the model
	 * @param code the error code, such as {@code server_error}
	 * @param message the error message
	 * @return the event JSON
	 */
	public static String failed(String model, String code, String message) {
		ObjectNode response = responseNode(model, "failed", null);
		response.putObject("error").put("code", code).put("message", message);
		ObjectNode event = event("response.failed");
		event.set("response", response);
		return event.toString();
	}

	/**
	 * Returns an {@code error} event.
	 * @param code the error code, such as {@code rate_limit_exceeded}
	 * @param message the error message
	 * @return the event JSON
	 */
	public static String error(String code, String message) {
		ObjectNode event = event("error").put("code", code).put("message", message);
		event.putNull("param");
		return event.toString();
	}

	/**
	 * Returns the events of a streamed text response, as OpenAI sends them: created, in
	 * progress, the message and its text part added, one delta per token, the text, part
	 * and message done, and the completed response with usage. The completed response
	 * equals {@link #response(String, String, int, int)} for the joined tokens.
	 * @param model the model
	 * @param tokens the text pieces
	 * @param inputTokens input tokens
	 * @return the events, not yet numbered
	 */
	public static List<String> textStreamEvents(String model, List<String> tokens, int inputTokens) {
		String text = String.join("", tokens);
		List<String> events = new ArrayList<>();
		events.add(created(model));
		events.add(inProgress(model));
		events.add(messageAdded(0, MESSAGE_ID));
		events.add(textPartAdded(MESSAGE_ID, 0, 0));
		for (String token : tokens) {
			events.add(textDelta(MESSAGE_ID, 0, 0, token));
		}
		events.add(textDone(MESSAGE_ID, 0, 0, text));
		events.add(textPartDone(MESSAGE_ID, 0, 0, text));
		events.add(messageDone(0, MESSAGE_ID, text));
		events.add(completed(response(model, text, inputTokens, tokens.size())));
		return events;
	}

	/**
	 * Returns the events of a streamed function call: created, in progress, the call
	 * added with empty arguments, one delta per piece, the arguments and the call done,
	 * and the completed response. The completed response equals
	 * {@link #functionCallResponse} for the joined pieces, 20 input tokens and one output
	 * token per piece.
	 * @param model the model
	 * @param callId the call id
	 * @param name the function name
	 * @param argumentPieces the pieces of the JSON arguments
	 * @return the events, not yet numbered
	 */
	public static List<String> functionCallStreamEvents(String model, String callId, String name,
			List<String> argumentPieces) {
		String arguments = String.join("", argumentPieces);
		List<String> events = new ArrayList<>();
		events.add(created(model));
		events.add(inProgress(model));
		events.add(functionCallAdded(0, FUNCTION_CALL_ID, callId, name));
		for (String piece : argumentPieces) {
			events.add(argumentsDelta(FUNCTION_CALL_ID, 0, piece));
		}
		events.add(argumentsDone(FUNCTION_CALL_ID, 0, name, arguments));
		events.add(functionCallDone(0, FUNCTION_CALL_ID, callId, name, arguments));
		events.add(completed(functionCallResponse(model, callId, name, arguments, 20, argumentPieces.size())));
		return events;
	}

	/**
	 * Returns a streamed function call as a complete SSE response.
	 * @param model the model
	 * @param callId the call id
	 * @param name the function name
	 * @param argumentPieces the pieces of the JSON arguments
	 * @return the response
	 * @see #functionCallStreamEvents
	 */
	public static StubResponse functionCallStream(String model, String callId, String name,
			List<String> argumentPieces) {
		return sse(functionCallStreamEvents(model, callId, name, argumentPieces)).build();
	}

	/**
	 * Numbers events in order: sets {@code sequence_number} to 0, 1, 2 and so on.
	 * @param events the event JSON
	 * @return the numbered event JSON
	 */
	public static List<String> sequenced(List<String> events) {
		List<String> numbered = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			ObjectNode event = (ObjectNode) StubPayloads.MAPPER.readTree(events.get(i));
			event.put("sequence_number", i);
			numbered.add(event.toString());
		}
		return numbered;
	}

	/**
	 * Starts an SSE stream of events, each numbered and sent with an {@code event:} line
	 * naming its type, as OpenAI sends them.
	 * @param events the event JSON
	 * @return a builder holding the events, to add more or build
	 */
	public static StubResponse.SseBuilder sse(List<String> events) {
		StubResponse.SseBuilder builder = StubResponse.sse();
		for (String event : sequenced(events)) {
			builder.event(typeOf(event), event);
		}
		return builder;
	}

	/**
	 * Returns the SSE body text of events, numbered, with {@code event:} lines and LF
	 * line ends, for tests that cut or alter the bytes.
	 * @param events the event JSON
	 * @return the body text
	 */
	public static String body(List<String> events) {
		StringBuilder body = new StringBuilder();
		for (String event : sequenced(events)) {
			body.append("event: ").append(typeOf(event)).append('\n').append("data: ").append(event).append("\n\n");
		}
		return body.toString();
	}

	/**
	 * Returns the {@code type} of an event.
	 * @param event the event JSON
	 * @return the type
	 */
	public static String typeOf(String event) {
		return StubPayloads.MAPPER.readTree(event).path("type").asString();
	}

	private static ObjectNode responseNode(String model, String status, JsonNode usage) {
		ObjectNode response = StubPayloads.MAPPER.createObjectNode()
			.put("id", RESPONSE_ID)
			.put("object", "response")
			.put("created_at", CREATED_AT)
			.put("status", status)
			.put("background", false);
		if ("completed".equals(status)) {
			response.put("completed_at", CREATED_AT + 1);
		}
		else {
			response.putNull("completed_at");
		}

		response.putNull("error");
		response.putNull("incomplete_details");
		response.putNull("instructions");
		response.putNull("max_output_tokens");
		response.put("model", model);
		response.putArray("output");

		// The request settings, which OpenAI echoes back in every response.
		response.put("parallel_tool_calls", true);
		response.putNull("previous_response_id");
		response.putObject("reasoning").putNull("effort").putNull("summary");
		response.put("store", true);
		response.put("temperature", 1.0);
		response.putObject("text").put("verbosity", "medium").putObject("format").put("type", "text");
		response.put("tool_choice", "auto");
		response.putArray("tools");
		response.put("top_p", 1.0);
		response.put("truncation", "disabled");
		response.set("usage", usage);
		response.putNull("user");
		response.putObject("metadata");

		return response;
	}

	private static String snapshotEvent(String type, String model) {
		ObjectNode event = event(type);
		ObjectNode response = responseNode(model, "in_progress", null);
		event.set("response", response);
		return event.toString();
	}

	private static ObjectNode usage(int inputTokens, int outputTokens) {
		ObjectNode usage = StubPayloads.MAPPER.createObjectNode().put("input_tokens", inputTokens);
		usage.putObject("input_tokens_details").put("cached_tokens", 0);
		usage.put("output_tokens", outputTokens);
		usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
		usage.put("total_tokens", inputTokens + outputTokens);
		return usage;
	}

	private static ObjectNode messageItem(String id, String status, String text) {
		ObjectNode item = StubPayloads.MAPPER.createObjectNode()
			.put("id", id)
			.put("type", "message")
			.put("status", status);
		if (text == null) {
			item.putArray("content");
		}
		else {
			item.putArray("content").add(textPart(text));
		}
		item.put("role", "assistant");
		return item;
	}

	private static ObjectNode functionCallItem(String id, String callId, String name, String arguments, String status) {
		return StubPayloads.MAPPER.createObjectNode()
			.put("id", id)
			.put("type", "function_call")
			.put("status", status)
			.put("arguments", arguments)
			.put("call_id", callId)
			.put("name", name);
	}

	private static ObjectNode textPart(String text) {
		ObjectNode part = StubPayloads.MAPPER.createObjectNode().put("type", "output_text");
		part.putArray("annotations");
		part.putArray("logprobs");
		part.put("text", text);
		return part;
	}

	private static ObjectNode event(String type) {
		return StubPayloads.MAPPER.createObjectNode().put("type", type);
	}

	private static String itemEvent(String type, int outputIndex, ObjectNode item) {
		ObjectNode event = event(type).put("output_index", outputIndex);
		event.set("item", item);
		return event.toString();
	}

	private static ObjectNode contentEvent(String type, String itemId, int outputIndex, int contentIndex) {
		return event(type).put("item_id", itemId).put("output_index", outputIndex).put("content_index", contentIndex);
	}

}
