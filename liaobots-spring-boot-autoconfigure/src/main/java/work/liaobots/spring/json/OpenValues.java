package work.liaobots.spring.json;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Interns the known constants of an open enum-like type so parsing a known value
 * allocates nothing, while an unknown value still becomes an instance that keeps the raw
 * string.
 *
 * @param <T> the value type
 */
public final class OpenValues<T> {

	private final Map<String, T> known = new HashMap<>();

	private final Function<String, T> factory;

	public OpenValues(Function<String, T> factory) {
		this.factory = factory;
	}

	/**
	 * Registers a known constant.
	 * @param value the wire value
	 * @return the constant
	 */
	public T register(String value) {
		T constant = this.factory.apply(value);
		this.known.put(value, constant);
		return constant;
	}

	/**
	 * Returns the constant for {@code value}, or a new instance for an unknown value.
	 * @param value the wire value; {@code null} or empty means absent
	 * @return the instance, or {@code null} when absent
	 */
	@Nullable public T of(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		T constant = this.known.get(value);
		return (constant != null) ? constant : this.factory.apply(value);
	}

	/**
	 * Returns whether {@code value} is one of the registered constants.
	 * @param value the wire value
	 * @return {@code true} if known
	 */
	public boolean isKnown(String value) {
		return this.known.containsKey(value);
	}

}
