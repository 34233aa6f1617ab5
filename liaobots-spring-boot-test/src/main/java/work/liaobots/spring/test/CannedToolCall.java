package work.liaobots.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool call a canned reply makes in place of a text reply.
 * <p>
 * The stub calls a tool when a request declares at least one function tool, does not
 * switch tool use off, and ends with a user turn that is not a tool result. It calls the
 * first declared function. The arguments fill each required property of the function's
 * schema with its {@code const}, {@code default}, first {@code enum} value or first
 * {@code examples} value, or else with a placeholder of its type ({@code "example"},
 * {@code 0}, {@code false}, an empty array, or an object filled the same way). A request
 * that sends a tool result back gets the canned text, as a model answers once it has the
 * result.
 *
 * @param name the function name
 * @param arguments the arguments as a JSON object
 */
record CannedToolCall(String name, String arguments) {

	/** Characters per streamed piece of the arguments. */
	private static final int PIECE_LENGTH = 8;

	/**
	 * Returns the arguments cut into pieces, as a stream delivers them.
	 * @return the pieces, which join to {@link #arguments()}
	 */
	List<String> argumentPieces() {
		List<String> pieces = new ArrayList<>();
		for (int start = 0; start < this.arguments.length(); start += PIECE_LENGTH) {
			pieces.add(this.arguments.substring(start, Math.min(this.arguments.length(), start + PIECE_LENGTH)));
		}
		return pieces;
	}

	/**
	 * Returns the call for a Chat Completions request, whose tools look like
	 * {@code {"type":"function","function":{"name":…,"parameters":…}}}.
	 * @param body the request body
	 * @return the call, or {@code null} when the reply is text
	 */
	static CannedToolCall chat(JsonNode body) {
		if ("none".equals(body.path("tool_choice").asString("")) || endsWithRole(body.path("messages"), "tool")) {
			return null;
		}
		for (JsonNode tool : body.path("tools")) {
			if ("function".equals(tool.path("type").asString(""))) {
				return of(tool.path("function").path("name"), tool.path("function").path("parameters"));
			}
		}
		return null;
	}

	/**
	 * Returns the call for a Responses request, whose function tools carry their name and
	 * parameters on the tool itself.
	 * @param body the request body
	 * @return the call, or {@code null} when the reply is text
	 */
	static CannedToolCall responses(JsonNode body) {
		JsonNode input = body.path("input");
		boolean toolResult = input.isArray() && !input.isEmpty()
				&& "function_call_output".equals(input.get(input.size() - 1).path("type").asString(""));
		if ("none".equals(body.path("tool_choice").asString("")) || toolResult) {
			return null;
		}
		for (JsonNode tool : body.path("tools")) {
			if ("function".equals(tool.path("type").asString(""))) {
				return of(tool.path("name"), tool.path("parameters"));
			}
		}
		return null;
	}

	/**
	 * Returns the call for an Anthropic Messages request, where a tool without a
	 * {@code type} (or of type {@code custom}) is one the caller runs.
	 * @param body the request body
	 * @return the call, or {@code null} when the reply is text
	 */
	static CannedToolCall messages(JsonNode body) {
		if ("none".equals(body.path("tool_choice").path("type").asString("")) || endsWithToolResult(body)) {
			return null;
		}
		for (JsonNode tool : body.path("tools")) {
			String type = tool.path("type").asString("custom");
			if ("custom".equals(type)) {
				return of(tool.path("name"), tool.path("input_schema"));
			}
		}
		return null;
	}

	/**
	 * Returns the call for a Gemini request, whose functions sit in
	 * {@code tools[].functionDeclarations} with a JSON Schema
	 * ({@code parametersJsonSchema}) or an OpenAPI schema ({@code parameters}).
	 * @param body the request body
	 * @return the call, or {@code null} when the reply is text
	 */
	static CannedToolCall gemini(JsonNode body) {
		JsonNode callingConfig = field(field(body, "toolConfig", "tool_config"), "functionCallingConfig",
				"function_calling_config");
		if ("NONE".equalsIgnoreCase(callingConfig.path("mode").asString(""))
				|| endsWithFunctionResponse(body.path("contents"))) {
			return null;
		}
		for (JsonNode tool : body.path("tools")) {
			JsonNode declaration = field(tool, "functionDeclarations", "function_declarations").path(0);
			if (!declaration.isMissingNode()) {
				JsonNode schema = field(declaration, "parametersJsonSchema", "parameters_json_schema");
				return of(declaration.path("name"), schema.isMissingNode() ? declaration.path("parameters") : schema);
			}
		}
		return null;
	}

	/**
	 * Reads a field by its lowerCamelCase or snake_case name: Google's API accepts both.
	 */
	private static JsonNode field(JsonNode node, String camelCase, String snakeCase) {
		JsonNode value = node.path(camelCase);
		return value.isMissingNode() ? node.path(snakeCase) : value;
	}

	private static CannedToolCall of(JsonNode name, JsonNode schema) {
		return new CannedToolCall(name.asString(""), sampleValue(schema).toString());
	}

	/**
	 * Returns a value that fits a schema; see the class description for the rules.
	 */
	static JsonNode sampleValue(JsonNode schema) {
		for (String keyword : List.of("const", "default")) {
			if (schema.has(keyword)) {
				return schema.get(keyword);
			}
		}
		for (String keyword : List.of("enum", "examples")) {
			if (schema.path(keyword).isArray() && !schema.path(keyword).isEmpty()) {
				return schema.path(keyword).get(0);
			}
		}
		String type = schema.path("type").asString("object").toLowerCase(Locale.ROOT);
		return switch (type) {
			case "string" -> StubPayloads.MAPPER.getNodeFactory().stringNode("example");
			case "integer", "number" -> StubPayloads.MAPPER.getNodeFactory().numberNode(0);
			case "boolean" -> StubPayloads.MAPPER.getNodeFactory().booleanNode(false);
			case "array" -> StubPayloads.MAPPER.createArrayNode();
			default -> sampleObject(schema);
		};
	}

	private static ObjectNode sampleObject(JsonNode schema) {
		ObjectNode object = StubPayloads.MAPPER.createObjectNode();
		JsonNode properties = schema.path("properties");
		for (JsonNode required : schema.path("required")) {
			String name = required.asString("");
			object.set(name, sampleValue(properties.path(name)));
		}
		return object;
	}

	private static boolean endsWithRole(JsonNode messages, String role) {
		return messages.isArray() && !messages.isEmpty()
				&& role.equals(messages.get(messages.size() - 1).path("role").asString(""));
	}

	private static boolean endsWithToolResult(JsonNode body) {
		JsonNode messages = body.path("messages");
		if (!messages.isArray() || messages.isEmpty()) {
			return false;
		}
		for (JsonNode block : messages.get(messages.size() - 1).path("content")) {
			if ("tool_result".equals(block.path("type").asString(""))) {
				return true;
			}
		}
		return false;
	}

	private static boolean endsWithFunctionResponse(JsonNode contents) {
		if (!contents.isArray() || contents.isEmpty()) {
			return false;
		}
		for (JsonNode part : contents.get(contents.size() - 1).path("parts")) {
			if (part.has("functionResponse") || part.has("function_response")) {
				return true;
			}
		}
		return false;
	}

}
