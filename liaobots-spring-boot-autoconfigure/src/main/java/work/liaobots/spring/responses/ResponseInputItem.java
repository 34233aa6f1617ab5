package work.liaobots.spring.responses;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * One item of a request's {@code input} list: a message, a function call the model made
 * earlier, or the output of such a call. Create one with the factories, or send any other
 * item type with {@link #of(String, Map)}.
 *
 * @param type the item type: {@code message}, {@code function_call},
 * {@code function_call_output}, or any other type the API accepts
 * @param role the author of a message: {@code user}, {@code assistant}, {@code system},
 * {@code developer}, or any other role the gateway accepts
 * @param content a message's content: a {@code String}, or a list of content parts such
 * as {@link #inputText(String)} and {@link #inputImage(String)}
 * @param callId the call a {@code function_call} or {@code function_call_output} item
 * belongs to
 * @param name the function name of a {@code function_call} item
 * @param arguments the JSON arguments of a {@code function_call} item
 * @param output the result of a {@code function_call_output} item, usually JSON
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseInputItem(String type, @Nullable String role, @Nullable Object content,
		@JsonProperty("call_id") @Nullable String callId, @Nullable String name, @Nullable String arguments,
		@Nullable String output, @JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	/** Type of a message item. */
	public static final String MESSAGE = "message";

	/** Type of a function call item. */
	public static final String FUNCTION_CALL = "function_call";

	/** Type of a function call result item. */
	public static final String FUNCTION_CALL_OUTPUT = "function_call_output";

	/** Role of the person asking. */
	public static final String USER = "user";

	/** Role of the model. */
	public static final String ASSISTANT = "assistant";

	/** Role of instructions for the model. */
	public static final String SYSTEM = "system";

	/** Role of developer instructions, which rank above user messages. */
	public static final String DEVELOPER = "developer";

	public ResponseInputItem {
		if (content instanceof List<?> parts) {
			content = List.copyOf(parts);
		}
		extra = JsonMaps.copyOf(extra);
	}

	/**
	 * Creates a message with text content.
	 * @param role the role, such as {@link #USER}
	 * @param text the text
	 * @return the item
	 */
	public static ResponseInputItem message(String role, String text) {
		return new ResponseInputItem(MESSAGE, role, text, null, null, null, null, null);
	}

	/**
	 * Creates a message made of content parts, such as text and an image.
	 * @param role the role, such as {@link #USER}
	 * @param parts the parts, for example from {@link #inputText(String)} and
	 * {@link #inputImage(String)}
	 * @return the item
	 */
	public static ResponseInputItem message(String role, List<?> parts) {
		return new ResponseInputItem(MESSAGE, role, parts, null, null, null, null, null);
	}

	public static ResponseInputItem user(String text) {
		return message(USER, text);
	}

	public static ResponseInputItem assistant(String text) {
		return message(ASSISTANT, text);
	}

	public static ResponseInputItem system(String text) {
		return message(SYSTEM, text);
	}

	public static ResponseInputItem developer(String text) {
		return message(DEVELOPER, text);
	}

	/**
	 * Creates the result of a function call, to send in the next request.
	 * @param callId the {@link ResponseOutputItem#callId()} of the call
	 * @param output the function's result, usually JSON
	 * @return the item
	 */
	public static ResponseInputItem functionCallOutput(String callId, String output) {
		return new ResponseInputItem(FUNCTION_CALL_OUTPUT, null, null, callId, null, null, output, null);
	}

	/**
	 * Creates a function call item, to send a call the model made back with its result
	 * when the conversation is not stored on the server ({@code store: false}).
	 * @param callId the call id
	 * @param name the function name
	 * @param arguments the JSON arguments
	 * @return the item
	 */
	public static ResponseInputItem functionCall(String callId, String name, String arguments) {
		return new ResponseInputItem(FUNCTION_CALL, null, null, callId, name, arguments, null, null);
	}

	/**
	 * Creates the function call item that echoes a call from a response.
	 * @param call a {@code function_call} output item
	 * @return the item
	 */
	public static ResponseInputItem functionCall(ResponseOutputItem call) {
		String callId = call.callId();
		String name = call.name();
		if (!call.is(ResponseOutputItem.FUNCTION_CALL) || callId == null || name == null) {
			throw new IllegalArgumentException("Output item '" + call.id() + "' of type '" + call.type()
					+ "' is not a function call with a call id and a name");
		}
		return functionCall(callId, name, (call.arguments() != null) ? call.arguments() : "{}");
	}

	/**
	 * Creates an item of any type from its fields.
	 * @param type the item type
	 * @param fields the other fields, as JSON values
	 * @return the item
	 */
	public static ResponseInputItem of(String type, Map<String, Object> fields) {
		return new ResponseInputItem(type, null, null, null, null, null, null, fields);
	}

	/**
	 * Creates a text content part.
	 * @param text the text
	 * @return the part, as a JSON map
	 */
	public static Map<String, Object> inputText(String text) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("type", "input_text");
		part.put("text", text);
		return Collections.unmodifiableMap(part);
	}

	/**
	 * Creates an image content part.
	 * @param imageUrl an {@code https:} URL or a {@code data:} URL with base64 content
	 * @return the part, as a JSON map
	 */
	public static Map<String, Object> inputImage(String imageUrl) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("type", "input_image");
		part.put("image_url", imageUrl);
		return Collections.unmodifiableMap(part);
	}

}
