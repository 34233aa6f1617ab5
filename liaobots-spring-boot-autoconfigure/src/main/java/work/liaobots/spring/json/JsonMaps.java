package work.liaobots.spring.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Copies the maps that requests carry as JSON objects.
 * <p>
 * {@link Map#copyOf(Map)} would reject a {@code null} value, which JSON allows, and would
 * lose the order of the fields, which keeps a request readable in logs and stable for
 * tests; these copies keep both.
 */
public final class JsonMaps {

	private JsonMaps() {
	}

	/**
	 * Returns an unmodifiable copy that keeps order and {@code null} values.
	 * @param <V> the value type
	 * @param map the map, or {@code null}
	 * @return the copy, empty for {@code null}
	 */
	public static <V> Map<String, V> copyOf(@Nullable Map<String, ? extends V> map) {
		return (map == null || map.isEmpty()) ? Collections.emptyMap()
				: Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Returns an unmodifiable copy that keeps order and {@code null} values, or
	 * {@code null} for {@code null}.
	 * @param <V> the value type
	 * @param map the map, or {@code null}
	 * @return the copy, or {@code null}
	 */
	@Nullable public static <V> Map<String, V> copyOfNullable(@Nullable Map<String, ? extends V> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : null;
	}

	/**
	 * Returns an unmodifiable copy of a map whose key type is not known, such as a JSON
	 * Schema given as a map, keeping order and {@code null} values.
	 * @param map the map
	 * @return the copy
	 */
	public static Map<?, ?> copyOfUntyped(Map<?, ?> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}
