package work.liaobots.spring.gemini;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.json.LiaobotsJson;

/**
 * A function call the model made. On the Gemini API a call arrives whole in one part,
 * never in fragments. Parallel calls arrive as separate parts.
 */
public final class FunctionCall extends JsonModel {

	@Nullable String id;

	@Nullable String name;

	@Nullable JsonNode args;

	FunctionCall() {
	}

	/**
	 * Returns the call id, which the matching
	 * {@link Part#functionResponse(String, String, Object)} echoes.
	 * @return the id, or {@code null} when the model sent none
	 */
	@Nullable public String id() {
		return this.id;
	}

	@Nullable public String name() {
		return this.name;
	}

	/**
	 * Returns the arguments as a JSON tree.
	 * @return the arguments, an empty object when the call has none
	 */
	public JsonNode args() {
		return (this.args != null) ? this.args : JsonNodeFactory.instance.objectNode();
	}

	/**
	 * Converts the arguments to a Java type.
	 * @param <T> the target type
	 * @param type the target type, such as a record matching the function's parameters
	 * @return the converted arguments
	 */
	public <T> T args(Class<T> type) {
		return LiaobotsJson.mapper().treeToValue(args(), type);
	}

}
