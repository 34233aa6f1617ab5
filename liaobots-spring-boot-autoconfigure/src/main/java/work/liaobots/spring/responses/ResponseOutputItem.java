package work.liaobots.spring.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * One item of a response's output. A single class covers every item type, so a type this
 * version does not know (web search calls, image generation, MCP calls and whatever the
 * API adds next) still parses and round-trips with all its fields in {@link #extra()}.
 * <p>
 * The declared fields are those of the common types. A {@code message} has a role and
 * {@link #content()}. A {@code function_call} has a {@link #callId()}, {@link #name()}
 * and {@link #arguments()}. A {@code reasoning} item has a {@link #summary()}, optional
 * raw reasoning in {@link #content()} and optional {@link #encryptedContent()}.
 */
public final class ResponseOutputItem extends JsonModel {

	/** Type of an assistant message. */
	public static final String MESSAGE = "message";

	/** Type of a call of a function tool. */
	public static final String FUNCTION_CALL = "function_call";

	/** Type of a reasoning item. */
	public static final String REASONING = "reasoning";

	@Nullable String id;

	@Nullable String type;

	@Nullable String role;

	@Nullable ResponseStatus status;

	@Nullable List<ResponseContentPart> content;

	@JsonProperty("call_id")
	@Nullable String callId;

	@Nullable String name;

	@Nullable String arguments;

	@Nullable List<ResponseContentPart> summary;

	@JsonProperty("encrypted_content")
	@Nullable String encryptedContent;

	/**
	 * Creates an empty item of a type, as the accumulator starts one when a stream sends
	 * deltas for an item it never announced.
	 * @param id the item id, or {@code null}
	 * @param type the item type
	 * @return the item
	 */
	static ResponseOutputItem ofType(@Nullable String id, String type) {
		ResponseOutputItem item = new ResponseOutputItem();
		item.id = id;
		item.type = type;
		if (MESSAGE.equals(type)) {
			item.role = "assistant";
		}
		return item;
	}

	/**
	 * Returns the item id, such as {@code msg_…}, {@code fc_…} or {@code rs_…}.
	 * @return the id, or {@code null}
	 */
	@Nullable public String id() {
		return this.id;
	}

	/**
	 * Returns the item type, such as {@link #MESSAGE} or {@link #FUNCTION_CALL}.
	 * @return the type, or {@code null} if the server sent none
	 */
	@Nullable public String type() {
		return this.type;
	}

	/**
	 * Returns the role of a message item, {@code assistant}.
	 * @return the role, or {@code null} for other items
	 */
	@Nullable public String role() {
		return this.role;
	}

	@Nullable public ResponseStatus status() {
		return this.status;
	}

	/**
	 * Returns the content parts of a message, or the raw reasoning of a reasoning item.
	 * @return the parts, empty when there are none
	 */
	public List<ResponseContentPart> content() {
		return (this.content != null) ? this.content : List.of();
	}

	/**
	 * Returns the id that a {@code function_call_output} input item repeats to return the
	 * result of this call, such as {@code call_…}. It differs from {@link #id()}.
	 * @return the call id, or {@code null} for other items
	 */
	@Nullable public String callId() {
		return this.callId;
	}

	/**
	 * Returns the name of the called function.
	 * @return the name, or {@code null} for other items
	 */
	@Nullable public String name() {
		return this.name;
	}

	/**
	 * Returns the arguments of a function call as a JSON string. The model may produce
	 * invalid JSON, so parse it with care.
	 * @return the arguments, or {@code null} for other items
	 */
	@Nullable public String arguments() {
		return this.arguments;
	}

	/**
	 * Returns the reasoning summary parts of a reasoning item.
	 * @return the parts, empty when there are none
	 */
	public List<ResponseContentPart> summary() {
		return (this.summary != null) ? this.summary : List.of();
	}

	/**
	 * Returns the encrypted reasoning of a reasoning item, sent when the request's
	 * {@code include} lists {@code reasoning.encrypted_content}. Pass the item back as
	 * input to continue without stored state.
	 * @return the opaque content, or {@code null}
	 */
	@Nullable public String encryptedContent() {
		return this.encryptedContent;
	}

	/**
	 * Returns whether this item has the given type.
	 * @param itemType the type, such as {@link #FUNCTION_CALL}
	 * @return {@code true} if the types are equal
	 */
	public boolean is(String itemType) {
		return itemType.equals(this.type);
	}

	/**
	 * Returns the text of every {@code output_text} part, joined without separator.
	 * @return the text, empty when there is none
	 */
	public String outputText() {
		StringBuilder text = new StringBuilder();
		for (ResponseContentPart part : content()) {
			if (ResponseContentPart.OUTPUT_TEXT.equals(part.type) && part.text != null) {
				text.append(part.text);
			}
		}
		return text.toString();
	}

	/**
	 * Returns a copy whose content and summary lists can change without changing this
	 * item. The parts themselves are shared.
	 */
	ResponseOutputItem copy() {
		ResponseOutputItem copy = new ResponseOutputItem();
		copy.id = this.id;
		copy.type = this.type;
		copy.role = this.role;
		copy.status = this.status;
		copy.content = (this.content != null) ? new ArrayList<>(this.content) : null;
		copy.callId = this.callId;
		copy.name = this.name;
		copy.arguments = this.arguments;
		copy.summary = (this.summary != null) ? new ArrayList<>(this.summary) : null;
		copy.encryptedContent = this.encryptedContent;
		for (Map.Entry<String, Object> entry : extra().entrySet()) {
			copy.putExtra(entry.getKey(), entry.getValue());
		}
		return copy;
	}

}
