package work.liaobots.spring.test;

import java.util.Base64;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini native wire JSON for scripting the stub: {@code GenerateContentResponse} bodies
 * and stream chunks (the two share one shape), parts, usage and error bodies, in the
 * lowerCamelCase field names Gemini sends.
 */
public final class StubGeminiPayloads {

	/** The model version the payloads report unless given one. */
	public static final String MODEL_VERSION = "gemini-2.5-flash";

	/** The response id the payloads report unless given one. */
	public static final String RESPONSE_ID = "stub-gemini-response";

	private StubGeminiPayloads() {
	}

	/**
	 * Returns a chunk with one text part and no finish reason.
	 * @param text the text piece
	 * @return the chunk JSON
	 */
	public static String textChunk(String text) {
		return response(List.of(textPart(text)), null, null);
	}

	/**
	 * Returns a response or chunk with one candidate.
	 * @param parts the candidate's parts
	 * @param finishReason the finish reason, such as {@code STOP}, or {@code null} for a
	 * chunk that is not the last
	 * @param usage the usage metadata, or {@code null}
	 * @return the JSON
	 */
	public static String response(List<ObjectNode> parts, String finishReason, ObjectNode usage) {
		return response(MODEL_VERSION, RESPONSE_ID, parts, finishReason, usage);
	}

	/**
	 * Returns a response or chunk with one candidate, for a given model and id.
	 * @param modelVersion the model version
	 * @param responseId the response id
	 * @param parts the candidate's parts
	 * @param finishReason the finish reason, or {@code null}
	 * @param usage the usage metadata, or {@code null}
	 * @return the JSON
	 */
	public static String response(String modelVersion, String responseId, List<ObjectNode> parts, String finishReason,
			ObjectNode usage) {
		ObjectNode body = StubPayloads.MAPPER.createObjectNode();
		ObjectNode candidate = body.putArray("candidates").addObject();
		ObjectNode content = candidate.putObject("content");
		ArrayNode partList = content.putArray("parts");
		parts.forEach(partList::add);
		content.put("role", "model");
		if (finishReason != null) {
			candidate.put("finishReason", finishReason);
		}
		candidate.put("index", 0);
		if (usage != null) {
			body.set("usageMetadata", usage);
		}
		body.put("modelVersion", modelVersion);
		body.put("responseId", responseId);
		return body.toString();
	}

	/**
	 * Returns a text part.
	 * @param text the text
	 * @return the part
	 */
	public static ObjectNode textPart(String text) {
		return StubPayloads.MAPPER.createObjectNode().put("text", text);
	}

	/**
	 * Returns a thought summary part.
	 * @param text the thought text
	 * @return the part
	 */
	public static ObjectNode thoughtPart(String text) {
		return textPart(text).put("thought", true);
	}

	/**
	 * Returns an inline data part with the bytes encoded as standard base64.
	 * @param mimeType the MIME type, such as {@code image/png}
	 * @param bytes the raw bytes
	 * @return the part
	 */
	public static ObjectNode inlineDataPart(String mimeType, byte[] bytes) {
		return inlineDataPart(mimeType, Base64.getEncoder().encodeToString(bytes));
	}

	/**
	 * Returns an inline data part with data already encoded, such as URL-safe or unpadded
	 * base64.
	 * @param mimeType the MIME type
	 * @param base64 the encoded data
	 * @return the part
	 */
	public static ObjectNode inlineDataPart(String mimeType, String base64) {
		ObjectNode part = StubPayloads.MAPPER.createObjectNode();
		part.putObject("inlineData").put("mimeType", mimeType).put("data", base64);
		return part;
	}

	/**
	 * Returns a function call part.
	 * @param name the function name
	 * @param argsJson the arguments as a JSON object
	 * @param thoughtSignature the signature the model attaches, or {@code null}
	 * @return the part
	 */
	public static ObjectNode functionCallPart(String name, String argsJson, String thoughtSignature) {
		ObjectNode part = StubPayloads.MAPPER.createObjectNode();
		ObjectNode call = part.putObject("functionCall").put("name", name);
		call.set("args", StubPayloads.MAPPER.readTree(argsJson));
		if (thoughtSignature != null) {
			part.put("thoughtSignature", thoughtSignature);
		}
		return part;
	}

	/**
	 * Returns usage metadata whose total is the sum of the three counts.
	 * @param prompt prompt tokens
	 * @param candidates candidate tokens
	 * @param thoughts thinking tokens, omitted when 0 as Gemini does
	 * @return the usage
	 */
	public static ObjectNode usage(int prompt, int candidates, int thoughts) {
		ObjectNode usage = StubPayloads.MAPPER.createObjectNode()
			.put("promptTokenCount", prompt)
			.put("candidatesTokenCount", candidates)
			.put("totalTokenCount", prompt + candidates + thoughts);
		if (thoughts > 0) {
			usage.put("thoughtsTokenCount", thoughts);
		}
		usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", prompt);
		return usage;
	}

	/**
	 * Returns the response to a rejected prompt: HTTP 200 with a prompt feedback and no
	 * candidates.
	 * @param blockReason the reason, such as {@code SAFETY}
	 * @return the response JSON
	 */
	public static String blockedPrompt(String blockReason) {
		ObjectNode body = StubPayloads.MAPPER.createObjectNode();
		ObjectNode feedback = body.putObject("promptFeedback").put("blockReason", blockReason);
		feedback.putArray("safetyRatings")
			.addObject()
			.put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
			.put("probability", "HIGH")
			.put("blocked", true);
		body.set("usageMetadata", usage(8, 0, 0));
		body.put("modelVersion", MODEL_VERSION);
		body.put("responseId", RESPONSE_ID);
		return body.toString();
	}

	/**
	 * Returns a Gemini error body, pretty-printed as Google sends them.
	 * @param code the HTTP status code
	 * @param status the status name, such as {@code RESOURCE_EXHAUSTED}
	 * @param message the message
	 * @return the error JSON
	 */
	public static String error(int code, String status, String message) {
		ObjectNode body = StubPayloads.MAPPER.createObjectNode();
		body.putObject("error").put("code", code).put("message", message).put("status", status);
		return StubPayloads.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body);
	}

	/**
	 * Returns the body {@code streamGenerateContent} sends without {@code alt=sse}: one
	 * JSON array of whole responses.
	 * @param chunks the responses, as JSON
	 * @return the array JSON
	 */
	public static String jsonArrayStream(List<String> chunks) {
		return "[" + String.join("\r\n,\r\n", chunks) + "\r\n]";
	}

}
