package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the model of a request: the one the request names, or the configured default.
 */
public final class ModelNames {

	private ModelNames() {
	}

	/**
	 * Returns the requested model, or the default when the request names none.
	 * @param requested the model the request names, or {@code null}
	 * @param fallback the configured default, or {@code null}
	 * @param property the property that sets the default, for the error message
	 * @return the model, without surrounding spaces
	 * @throws IllegalArgumentException when neither names a model
	 */
	public static String resolve(@Nullable String requested, @Nullable String fallback, String property) {
		String model = (requested != null && !requested.isBlank()) ? requested : fallback;
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("No model: set 'model' on the request or '" + property + "'");
		}
		return model.strip();
	}

}
