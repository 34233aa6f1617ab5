package work.liaobots.spring.messages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.json.OpenValues;

/**
 * One content block of a message, in a response or a request. One class covers every
 * block type, so a type this version does not know still parses, keeps its fields in
 * {@link #extra()} and is sent back unchanged.
 * <p>
 * Which fields are set depends on {@link #type()}:
 * <ul>
 * <li>{@code text}: {@link #text()} and {@link #citations()};</li>
 * <li>{@code thinking}: {@link #thinking()} and {@link #signature()};</li>
 * <li>{@code redacted_thinking}: {@link #data()};</li>
 * <li>{@code tool_use} and {@code server_tool_use}: {@link #id()}, {@link #name()},
 * {@link #input()} and, for {@code tool_use}, {@link #caller()};</li>
 * <li>{@code tool_result} and {@code web_search_tool_result}: {@link #toolUseId()} and
 * {@link #content()};</li>
 * <li>{@code image} and {@code document}: {@link #source()}.</li>
 * </ul>
 */
public final class ContentBlock extends JsonModel {

	@Nullable Type type;

	@Nullable String text;

	@Nullable List<Object> citations;

	@Nullable String thinking;

	@Nullable String signature;

	@Nullable String data;

	@Nullable String id;

	@Nullable String name;

	@Nullable JsonNode input;

	@Nullable Object caller;

	@JsonProperty("tool_use_id")
	@Nullable String toolUseId;

	@Nullable Object content;

	@JsonProperty("is_error")
	@Nullable Boolean isError;

	@Nullable Object source;

	@JsonProperty("cache_control")
	@Nullable Object cacheControl;

	/**
	 * Creates a text block.
	 * @param text the text
	 * @return the block
	 */
	public static ContentBlock text(String text) {
		ContentBlock block = new ContentBlock();
		block.type = Type.TEXT;
		block.text = text;
		return block;
	}

	/**
	 * Creates an image block from base64 data.
	 * @param mediaType the image type, such as {@code image/png}
	 * @param base64Data the image bytes in standard base64
	 * @return the block
	 */
	public static ContentBlock image(String mediaType, String base64Data) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("type", "base64");
		source.put("media_type", mediaType);
		source.put("data", base64Data);
		return withSource(Type.IMAGE, source);
	}

	/**
	 * Creates an image block that the provider downloads.
	 * @param url an {@code https:} URL of the image
	 * @return the block
	 */
	public static ContentBlock imageUrl(String url) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("type", "url");
		source.put("url", url);
		return withSource(Type.IMAGE, source);
	}

	/**
	 * Creates the result of a {@code tool_use} block, to send in a user message.
	 * @param toolUseId the {@link #id()} of the tool use
	 * @param result the tool's output as text
	 * @return the block
	 */
	public static ContentBlock toolResult(String toolUseId, String result) {
		return toolResult(toolUseId, result, false);
	}

	/**
	 * Creates the result of a {@code tool_use} block, to send in a user message.
	 * @param toolUseId the {@link #id()} of the tool use
	 * @param result the tool's output: a {@code String} or a list of text or image blocks
	 * @param isError whether the tool failed, so the model reads {@code result} as an
	 * error message
	 * @return the block
	 */
	public static ContentBlock toolResult(String toolUseId, Object result, boolean isError) {
		ContentBlock block = new ContentBlock();
		block.type = Type.TOOL_RESULT;
		block.toolUseId = toolUseId;
		block.content = (result instanceof List<?> list) ? List.copyOf(list) : result;
		block.isError = isError ? Boolean.TRUE : null;
		return block;
	}

	private static ContentBlock withSource(Type type, Map<String, Object> source) {
		ContentBlock block = new ContentBlock();
		block.type = type;
		block.source = Collections.unmodifiableMap(source);
		return block;
	}

	/**
	 * Returns a copy of this block with a cache breakpoint, such as
	 * {@code Map.of("type", "ephemeral")}.
	 * @param cacheControl the {@code cache_control} value
	 * @return the new block
	 */
	public ContentBlock withCacheControl(Object cacheControl) {
		ContentBlock block = copy();
		block.cacheControl = cacheControl;
		return block;
	}

	/**
	 * Returns a deep copy, so an accumulator can fill it without changing an event the
	 * caller already received.
	 */
	ContentBlock copy() {
		return LiaobotsJson.mapper().convertValue(this, ContentBlock.class);
	}

	@Nullable public Type type() {
		return this.type;
	}

	/**
	 * Returns whether this block has the given type.
	 * @param candidate the type to compare with
	 * @return {@code true} if the types are equal
	 */
	public boolean is(Type candidate) {
		return candidate.equals(this.type);
	}

	/**
	 * Returns the text of a {@code text} block.
	 * @return the text, or {@code null} for other blocks
	 */
	@Nullable public String text() {
		return this.text;
	}

	/**
	 * Returns the sources a {@code text} block cites, as JSON objects (maps).
	 * @return the citations, empty when there are none
	 */
	public List<Object> citations() {
		return (this.citations != null) ? this.citations : List.of();
	}

	/**
	 * Returns the reasoning of a {@code thinking} block.
	 * @return the thinking text, or {@code null}
	 */
	@Nullable public String thinking() {
		return this.thinking;
	}

	/**
	 * Returns the signature of a {@code thinking} block, which must be sent back
	 * unchanged with the block in a later request.
	 * @return the signature, or {@code null}
	 */
	@Nullable public String signature() {
		return this.signature;
	}

	/**
	 * Returns the encrypted reasoning of a {@code redacted_thinking} block.
	 * @return the opaque data, or {@code null}
	 */
	@Nullable public String data() {
		return this.data;
	}

	/**
	 * Returns the id of a {@code tool_use} or {@code server_tool_use} block, which the
	 * matching tool result echoes.
	 * @return the id, such as {@code toolu_01...}, or {@code null}
	 */
	@Nullable public String id() {
		return this.id;
	}

	/**
	 * Returns the tool name of a {@code tool_use} or {@code server_tool_use} block.
	 * @return the name, or {@code null}
	 */
	@Nullable public String name() {
		return this.name;
	}

	/**
	 * Returns the tool input of a {@code tool_use} or {@code server_tool_use} block.
	 * <p>
	 * NOTE: when a stream ends or fails inside a tool input, or the streamed input is not
	 * valid JSON, the accumulator stores the raw joined text as a string node, so check
	 * {@code isObject()} before reading fields from a partial result.
	 * @return the input, normally a JSON object, or {@code null}
	 */
	@Nullable public JsonNode input() {
		return this.input;
	}

	/**
	 * Converts the tool input to a type of the caller's choice, such as a record or a
	 * {@code Map}.
	 * @param <T> the target type
	 * @param type the target type
	 * @return the converted input, or {@code null} when the block has no input
	 */
	@Nullable public <T> T inputAs(Class<T> type) {
		return (this.input != null) ? LiaobotsJson.mapper().treeToValue(this.input, type) : null;
	}

	/**
	 * Returns who invoked a {@code tool_use} block, for example the model directly or a
	 * server tool, as a JSON object (map).
	 * @return the caller, or {@code null}
	 */
	@Nullable public Object caller() {
		return this.caller;
	}

	/**
	 * Returns the id of the tool use whose result a {@code tool_result} or
	 * {@code web_search_tool_result} block contains.
	 * @return the tool use id, or {@code null}
	 */
	@Nullable public String toolUseId() {
		return this.toolUseId;
	}

	/**
	 * Returns the content of a {@code tool_result} or {@code web_search_tool_result}
	 * block: a {@code String}, a list of JSON objects (maps), or an error object.
	 * @return the content, or {@code null}
	 */
	@Nullable public Object content() {
		return this.content;
	}

	/**
	 * Returns whether a {@code tool_result} block reports a failed tool.
	 * @return {@code true} if the tool failed, {@code null} when not set
	 */
	@Nullable public Boolean isError() {
		return this.isError;
	}

	/**
	 * Returns the source of an {@code image} or {@code document} block.
	 * @return the source as a JSON object (map), or {@code null}
	 */
	@Nullable public Object source() {
		return this.source;
	}

	@Nullable public Object cacheControl() {
		return this.cacheControl;
	}

	/**
	 * The type of a content block. Open: a type this version does not know is kept as-is.
	 *
	 * @param value the wire value
	 */
	public record Type(@JsonValue String value) {

		private static final OpenValues<Type> VALUES = new OpenValues<>(Type::new);

		/** Text from the model or the user. */
		public static final Type TEXT = VALUES.register("text");

		/** The model's visible reasoning, with a signature. */
		public static final Type THINKING = VALUES.register("thinking");

		/** Reasoning the provider encrypted; sent back as-is. */
		public static final Type REDACTED_THINKING = VALUES.register("redacted_thinking");

		/** A call of a tool the caller defined. */
		public static final Type TOOL_USE = VALUES.register("tool_use");

		/** A call of a tool the provider runs, such as web search. */
		public static final Type SERVER_TOOL_USE = VALUES.register("server_tool_use");

		/** The result of the provider's web search. */
		public static final Type WEB_SEARCH_TOOL_RESULT = VALUES.register("web_search_tool_result");

		/** The caller's result of a {@code tool_use} block. */
		public static final Type TOOL_RESULT = VALUES.register("tool_result");

		/** An image in a request. */
		public static final Type IMAGE = VALUES.register("image");

		/** A document, such as a PDF, in a request. */
		public static final Type DOCUMENT = VALUES.register("document");

		/**
		 * Returns the type for a wire value.
		 * @param value the wire value
		 * @return the type, or {@code null} for {@code null} or an empty string
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		@Nullable public static Type of(@Nullable String value) {
			return VALUES.of(value);
		}

		/**
		 * Returns whether this version of the client knows the value.
		 * @return {@code true} for the constants of this class
		 */
		public boolean isKnown() {
			return VALUES.isKnown(this.value);
		}

		@Override
		public String toString() {
			return this.value;
		}

		/**
		 * Compares the wire values. Known values are interned, so identity decides most
		 * comparisons: stream decoders compare types several times per event, and the
		 * generated record equality showed up in their profiles.
		 */
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Type type && this.value.equals(type.value));
		}

		@Override
		public int hashCode() {
			return this.value.hashCode();
		}

	}

}
