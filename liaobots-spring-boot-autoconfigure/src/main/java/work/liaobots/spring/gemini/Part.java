package work.liaobots.spring.gemini;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.json.LiaobotsJson;

/**
 * One part of a {@link Content}, in requests and responses alike: text, inline media, a
 * file reference, a function call or response, or code execution. A part sets one of
 * these, and {@link #thought()} and {@link #thoughtSignature()} qualify it.
 * <p>
 * Responses are read into the same class requests are built from, so a model turn can be
 * sent back unchanged in the next request. Gemini requires that for multi-turn calls:
 * parts keep their {@code thoughtSignature}, and fields this class does not declare are
 * written back as they came.
 */
public final class Part extends JsonModel {

	@Nullable String text;

	@Nullable Blob inlineData;

	@Nullable FileData fileData;

	@Nullable FunctionCall functionCall;

	@Nullable FunctionResponse functionResponse;

	@Nullable ExecutableCode executableCode;

	@Nullable CodeExecutionResult codeExecutionResult;

	@Nullable Boolean thought;

	@Nullable String thoughtSignature;

	Part() {
	}

	/**
	 * Creates a text part.
	 * @param text the text
	 * @return the part
	 */
	public static Part text(String text) {
		Part part = new Part();
		part.text = Objects.requireNonNull(text, "'text' must not be null");
		return part;
	}

	/**
	 * Creates an inline media part, such as an image to describe or edit.
	 * @param mimeType the IANA MIME type, such as {@code image/png}
	 * @param bytes the raw bytes, not base64, which the part copies
	 * @return the part
	 */
	public static Part inlineData(String mimeType, byte[] bytes) {
		Part part = new Part();
		part.inlineData = Blob.of(mimeType, bytes);
		return part;
	}

	/**
	 * Creates a part that refers to uploaded or public media by URI.
	 * @param mimeType the IANA MIME type
	 * @param fileUri the URI
	 * @return the part
	 */
	public static Part fileData(String mimeType, String fileUri) {
		Part part = new Part();
		part.fileData = new FileData();
		part.fileData.mimeType = mimeType;
		part.fileData.fileUri = Objects.requireNonNull(fileUri, "'fileUri' must not be null");
		return part;
	}

	/**
	 * Creates the result of a function call.
	 * @param name the function name
	 * @param response the result, as a map, record or JSON tree. A value that is not a
	 * JSON object is sent as {@code {"output": value}}, the key Gemini reads as the
	 * function output.
	 * @return the part
	 */
	public static Part functionResponse(String name, @Nullable Object response) {
		return functionResponse(null, name, response);
	}

	/**
	 * Creates the result of a function call that carried an id.
	 * @param id the id of the {@link FunctionCall}, or {@code null}
	 * @param name the function name
	 * @param response the result, as for {@link #functionResponse(String, Object)}
	 * @return the part
	 */
	public static Part functionResponse(@Nullable String id, String name, @Nullable Object response) {
		JsonNode tree = LiaobotsJson.mapper().valueToTree(response);
		if (tree == null || !tree.isObject()) {
			ObjectNode wrapper = LiaobotsJson.mapper().createObjectNode();
			wrapper.set("output", tree);
			tree = wrapper;
		}
		Part part = new Part();
		part.functionResponse = new FunctionResponse();
		part.functionResponse.id = id;
		part.functionResponse.name = Objects.requireNonNull(name, "'name' must not be null");
		part.functionResponse.response = tree;
		return part;
	}

	@Nullable public String text() {
		return this.text;
	}

	@Nullable public Blob inlineData() {
		return this.inlineData;
	}

	@Nullable public FileData fileData() {
		return this.fileData;
	}

	@Nullable public FunctionCall functionCall() {
		return this.functionCall;
	}

	@Nullable public FunctionResponse functionResponse() {
		return this.functionResponse;
	}

	@Nullable public ExecutableCode executableCode() {
		return this.executableCode;
	}

	@Nullable public CodeExecutionResult codeExecutionResult() {
		return this.codeExecutionResult;
	}

	/**
	 * Returns whether this part belongs to the model's thinking: a thought summary, or an
	 * interim image an image model drafts before its final one.
	 * @return {@code true} for thought parts
	 */
	public boolean thought() {
		return Boolean.TRUE.equals(this.thought);
	}

	/**
	 * Returns the opaque signature of the model's reasoning, which must go back unchanged
	 * with this part in the next turn.
	 * @return the base64 signature, or {@code null}
	 */
	@Nullable public String thoughtSignature() {
		return this.thoughtSignature;
	}

	/**
	 * Returns whether this is a text part.
	 * @return {@code true} when {@link #text()} is set
	 */
	public boolean isText() {
		return this.text != null;
	}

	/**
	 * Returns whether this part carries an inline image.
	 * @return {@code true} for inline data with an {@code image/*} MIME type
	 */
	public boolean isImage() {
		return this.inlineData != null && this.inlineData.isImage();
	}

	/**
	 * Copies fields this class does not declare from another part, for the accumulator.
	 */
	void putAllExtra(Map<String, Object> fields) {
		fields.forEach(this::putExtra);
	}

	@Override
	public String toString() {
		return GeminiJson.summary(this);
	}

	/**
	 * A reference to media by URI.
	 */
	public static final class FileData extends JsonModel {

		@Nullable String mimeType;

		@Nullable String fileUri;

		FileData() {
		}

		@Nullable public String mimeType() {
			return this.mimeType;
		}

		@Nullable public String fileUri() {
			return this.fileUri;
		}

	}

	/**
	 * The result of a function call, sent back to the model.
	 */
	public static final class FunctionResponse extends JsonModel {

		@Nullable String id;

		@Nullable String name;

		@Nullable JsonNode response;

		FunctionResponse() {
		}

		@Nullable public String id() {
			return this.id;
		}

		@Nullable public String name() {
			return this.name;
		}

		/**
		 * Returns the result object.
		 * @return the result, or {@code null}
		 */
		@Nullable public JsonNode response() {
			return this.response;
		}

	}

	/**
	 * Code the model wrote for the code execution tool.
	 */
	public static final class ExecutableCode extends JsonModel {

		@Nullable String language;

		@Nullable String code;

		ExecutableCode() {
		}

		/**
		 * Returns the language, such as {@code PYTHON}.
		 * @return the language, or {@code null}
		 */
		@Nullable public String language() {
			return this.language;
		}

		@Nullable public String code() {
			return this.code;
		}

	}

	/**
	 * The outcome of running {@link ExecutableCode}.
	 */
	public static final class CodeExecutionResult extends JsonModel {

		@Nullable String outcome;

		@Nullable String output;

		CodeExecutionResult() {
		}

		/**
		 * Returns the outcome, such as {@code OUTCOME_OK} or {@code OUTCOME_FAILED}.
		 * @return the outcome, or {@code null}
		 */
		@Nullable public String outcome() {
			return this.outcome;
		}

		/**
		 * Returns the standard output, or the error text when the code failed.
		 * @return the output, or {@code null}
		 */
		@Nullable public String output() {
			return this.output;
		}

	}

}
