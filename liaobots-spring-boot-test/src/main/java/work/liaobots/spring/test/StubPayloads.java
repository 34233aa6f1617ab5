package work.liaobots.spring.test;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wire-format JSON of each gateway surface, for scripting the stub: chunks, whole
 * responses and error bodies shaped as the providers send them.
 */
public final class StubPayloads {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private StubPayloads() {
	}

	/**
	 * Returns a Chat Completions chunk with a text delta.
	 * @param text the text piece
	 * @return the chunk JSON
	 */
	public static String chatChunk(String text) {
		ObjectNode chunk = chatChunkEnvelope();
		ObjectNode delta = chunk.withArray("choices").addObject().put("index", 0).putObject("delta");
		delta.put("content", text);
		((ObjectNode) chunk.get("choices").get(0)).putNull("finish_reason");
		return chunk.toString();
	}

	/**
	 * Returns the first Chat Completions chunk, which carries the role.
	 * @return the chunk JSON
	 */
	public static String chatRoleChunk() {
		ObjectNode chunk = chatChunkEnvelope();
		ObjectNode choice = chunk.withArray("choices").addObject().put("index", 0);
		choice.putObject("delta").put("role", "assistant").put("content", "");
		choice.putNull("finish_reason");
		return chunk.toString();
	}

	/**
	 * Returns the closing Chat Completions chunk of a choice.
	 * @param finishReason the finish reason, such as {@code stop}
	 * @return the chunk JSON
	 */
	public static String chatFinishChunk(String finishReason) {
		ObjectNode chunk = chatChunkEnvelope();
		ObjectNode choice = chunk.withArray("choices").addObject().put("index", 0);
		choice.putObject("delta");
		choice.put("finish_reason", finishReason);
		return chunk.toString();
	}

	/**
	 * Returns the usage chunk that ends a stream with {@code include_usage}.
	 * @param prompt prompt tokens
	 * @param completion completion tokens
	 * @return the chunk JSON
	 */
	public static String chatUsageChunk(int prompt, int completion) {
		ObjectNode chunk = chatChunkEnvelope();
		chunk.putArray("choices");
		chunk.set("usage", chatUsage(prompt, completion));
		return chunk.toString();
	}

	/**
	 * Returns a tool-call fragment chunk.
	 * @param index the tool call index
	 * @param id the call id on the first fragment, or {@code null}
	 * @param name the function name on the first fragment, or {@code null}
	 * @param arguments a piece of the arguments
	 * @return the chunk JSON
	 */
	public static String chatToolCallChunk(int index, String id, String name, String arguments) {
		ObjectNode chunk = chatChunkEnvelope();
		ObjectNode choice = chunk.withArray("choices").addObject().put("index", 0);
		ObjectNode call = choice.putObject("delta").putArray("tool_calls").addObject().put("index", index);
		if (id != null) {
			call.put("id", id).put("type", "function");
		}
		ObjectNode function = call.putObject("function");
		if (name != null) {
			function.put("name", name);
		}
		function.put("arguments", arguments);
		choice.putNull("finish_reason");
		return chunk.toString();
	}

	/**
	 * Returns a whole chat completion.
	 * @param model the model
	 * @param text the answer
	 * @param prompt prompt tokens
	 * @param completion completion tokens
	 * @return the completion JSON
	 */
	public static String chatCompletion(String model, String text, int prompt, int completion) {
		ObjectNode body = MAPPER.createObjectNode()
			.put("id", "chatcmpl-stub")
			.put("object", "chat.completion")
			.put("created", 1760000000L)
			.put("model", model);
		ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
		ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", text);
		message.putNull("refusal");
		message.putArray("annotations");
		choice.putNull("logprobs");
		choice.put("finish_reason", "stop");
		body.set("usage", chatUsage(prompt, completion));
		body.put("system_fingerprint", "fp_stub");
		return body.toString();
	}

	/**
	 * Returns a whole chat completion whose message calls one function and has no text.
	 * @param model the model
	 * @param callId the call id, such as {@code call_1}
	 * @param name the function name
	 * @param arguments the arguments as JSON text
	 * @param prompt prompt tokens
	 * @param completion completion tokens
	 * @return the completion JSON
	 */
	public static String chatToolCallCompletion(String model, String callId, String name, String arguments, int prompt,
			int completion) {
		ObjectNode body = (ObjectNode) MAPPER.readTree(chatCompletion(model, "", prompt, completion));
		ObjectNode choice = (ObjectNode) body.get("choices").get(0);
		ObjectNode message = (ObjectNode) choice.get("message");
		message.putNull("content");
		ObjectNode call = message.putArray("tool_calls").addObject().put("id", callId).put("type", "function");
		call.putObject("function").put("name", name).put("arguments", arguments);
		choice.put("finish_reason", "tool_calls");
		return body.toString();
	}

	/**
	 * Returns an OpenAI-style error body.
	 * @param type the error type, such as {@code invalid_request_error}
	 * @param message the message
	 * @return the error JSON
	 */
	public static String openAiError(String type, String message) {
		ObjectNode body = MAPPER.createObjectNode();
		body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
		return body.toString();
	}

	/**
	 * Returns a credits body.
	 * @param balance the balance
	 * @param total the total received
	 * @return the credits JSON
	 */
	public static String credits(double balance, double total) {
		ObjectNode body = MAPPER.createObjectNode();
		body.putObject("data").put("balance", balance).put("amount", total);
		return body.toString();
	}

	/**
	 * Generates usage records with descending ids, as the gateway lists them.
	 * @param count how many records
	 * @return the records
	 */
	public static List<ObjectNode> usageRecords(int count) {
		String[] models = { "gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "gpt-5" };
		List<ObjectNode> records = new ArrayList<>(count);
		long newest = 1_760_000_000_000L;
		for (int i = 0; i < count; i++) {
			int input = 120 + (i * 37) % 900;
			int output = 40 + (i * 53) % 600;
			ObjectNode record = MAPPER.createObjectNode()
				.put("id", 9_000_000L - i)
				.put("tokens", input + output)
				.put("input_tokens", input)
				.put("output_tokens", output)
				.put("model", models[i % models.length])
				.put("price", Math.round((input * 0.0004 + output * 0.0016) * 10000) / 10000.0)
				.put("cache_hit_tokens", (i % 3 == 0) ? input / 2 : 0)
				.put("cache_creation_tokens", 0)
				.put("create_time", newest - i * 90_000L);
			records.add(record);
		}
		return records;
	}

	static ObjectNode chatUsage(int prompt, int completion) {
		ObjectNode usage = MAPPER.createObjectNode()
			.put("prompt_tokens", prompt)
			.put("completion_tokens", completion)
			.put("total_tokens", prompt + completion);
		usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
		usage.putObject("completion_tokens_details")
			.put("reasoning_tokens", 0)
			.put("audio_tokens", 0)
			.put("accepted_prediction_tokens", 0)
			.put("rejected_prediction_tokens", 0);
		return usage;
	}

	private static ObjectNode chatChunkEnvelope() {
		return MAPPER.createObjectNode()
			.put("id", "chatcmpl-stub")
			.put("object", "chat.completion.chunk")
			.put("created", 1760000000L)
			.put("model", "gpt-4o-mini")
			.put("system_fingerprint", "fp_stub");
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

}
