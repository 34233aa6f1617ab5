package work.liaobots.spring.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads values out of JSON trees the way error handling needs them.
 */
public final class JsonNodes {

	private JsonNodes() {
	}

	/**
	 * Returns a node as text: a scalar as its value, an object or array as its JSON.
	 * @param node the node, or {@code null}
	 * @return the text, or {@code null} for a missing or null node
	 */
	@Nullable public static String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

}
