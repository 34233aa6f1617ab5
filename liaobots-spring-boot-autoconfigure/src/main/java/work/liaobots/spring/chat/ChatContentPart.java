package work.liaobots.spring.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonMaps;

/**
 * One part of a multi-part user message.
 *
 * @param type the part type: {@code text} or {@code image_url}
 * @param text the text of a text part
 * @param imageUrl the image of an image part
 * @param extra fields this class does not declare, sent as they are
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChatContentPart(String type, @Nullable String text,
		@JsonProperty("image_url") @Nullable ImageUrl imageUrl,
		@JsonAnyGetter @JsonAnySetter @Nullable Map<String, Object> extra) {

	public ChatContentPart {
		extra = JsonMaps.copyOf(extra);
	}

	public static ChatContentPart text(String text) {
		return new ChatContentPart("text", text, null, null);
	}

	/**
	 * Creates an image part.
	 * @param url an {@code https:} URL or a {@code data:} URL with base64 content
	 * @return the part
	 */
	public static ChatContentPart imageUrl(String url) {
		return new ChatContentPart("image_url", null, new ImageUrl(url, null), null);
	}

	/**
	 * An image reference.
	 *
	 * @param url the URL or data URL
	 * @param detail {@code low}, {@code high} or {@code auto}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ImageUrl(String url, @Nullable String detail) {

	}

}
