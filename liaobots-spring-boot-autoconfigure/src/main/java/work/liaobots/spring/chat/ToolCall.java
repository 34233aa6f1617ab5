package work.liaobots.spring.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A complete tool call of an assistant message.
 *
 * @param id the call id, echoed by the tool message that answers it
 * @param type the tool type, {@code function}
 * @param function the function name and its arguments as a JSON string
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(String id, String type, FunctionCall function) {

	/**
	 * A function call.
	 *
	 * @param name the function name
	 * @param arguments the arguments as a JSON string; the model may produce invalid JSON
	 */
	public record FunctionCall(String name, String arguments) {

	}

}
