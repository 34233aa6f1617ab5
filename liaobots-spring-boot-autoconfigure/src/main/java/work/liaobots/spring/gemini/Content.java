package work.liaobots.spring.gemini;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * One turn of a conversation: a role and its parts. Requests send a list of contents, and
 * each response candidate returns one, which goes back unchanged as the model's turn of
 * the next request.
 */
public final class Content extends JsonModel {

	/** Role of the person asking. */
	public static final String USER = "user";

	/** Role of the model. */
	public static final String MODEL = "model";

	@Nullable String role;

	@Nullable List<Part> parts;

	Content() {
	}

	/**
	 * Creates a content.
	 * @param role the role: {@link #USER}, {@link #MODEL}, {@code null} for a system
	 * instruction, or any other role the gateway accepts (its own example sends
	 * {@code system})
	 * @param parts the parts
	 * @return the content
	 */
	public static Content of(@Nullable String role, List<Part> parts) {
		Content content = new Content();
		content.role = role;
		content.parts = List.copyOf(parts);
		return content;
	}

	public static Content of(@Nullable String role, Part... parts) {
		return of(role, List.of(parts));
	}

	/**
	 * Creates a user turn with one text part.
	 * @param text the text
	 * @return the content
	 */
	public static Content user(String text) {
		return of(USER, Part.text(text));
	}

	/**
	 * Creates a user turn made of parts, such as an image and a question about it.
	 * @param parts the parts
	 * @return the content
	 */
	public static Content user(Part... parts) {
		return of(USER, parts);
	}

	/**
	 * Creates a model turn, for conversations built by hand. To continue a real
	 * conversation, send the response's {@link Candidate#content()} instead, which keeps
	 * the thought signatures.
	 * @param parts the parts
	 * @return the content
	 */
	public static Content model(Part... parts) {
		return of(MODEL, parts);
	}

	@Nullable public String role() {
		return this.role;
	}

	public List<Part> parts() {
		return GeminiJson.readOnly(this.parts);
	}

	/**
	 * Returns the text of the parts that are not thoughts, joined.
	 * @return the text, or {@code null} when no such part has text
	 */
	@Nullable public String text() {
		StringBuilder text = null;
		for (Part part : parts()) {
			if (part.text != null && !part.thought()) {
				text = (text != null) ? text.append(part.text) : new StringBuilder(part.text);
			}
		}
		return (text != null) ? text.toString() : null;
	}

	/**
	 * Copies fields this class does not declare from another content, for the
	 * accumulator.
	 */
	void putAllExtra(Map<String, Object> fields) {
		fields.forEach(this::putExtra);
	}

	@Override
	public String toString() {
		return GeminiJson.summary(this);
	}

}
