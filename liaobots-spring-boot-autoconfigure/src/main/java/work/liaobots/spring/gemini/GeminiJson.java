package work.liaobots.spring.gemini;

import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.json.LiaobotsJson;

/**
 * JSON helpers shared by the Gemini models.
 */
final class GeminiJson {

	/**
	 * Writer attribute that makes {@link Blob} write its size instead of its base64, for
	 * {@code toString()}.
	 */
	static final String SUMMARY = "liaobots.gemini.summary";

	private static final ObjectWriter SUMMARY_WRITER = LiaobotsJson.mapper().writer().withAttribute(SUMMARY, true);

	private GeminiJson() {
	}

	/**
	 * Returns the class name and JSON form of a model, with inline media shown by size.
	 */
	static String summary(JsonModel model) {
		return model.getClass().getSimpleName() + SUMMARY_WRITER.writeValueAsString(model);
	}

	static <T> List<T> readOnly(@Nullable List<T> list) {
		return (list != null) ? Collections.unmodifiableList(list) : List.of();
	}

}
