package work.liaobots.sample;

import java.util.Locale;

/**
 * A prompt from the page's chat panel.
 *
 * @param text what the user typed
 * @param thinking whether to ask the model to show its thinking, which the Anthropic
 * Messages and Gemini adapters support
 */
record PagePrompt(String text, boolean thinking) {

	/**
	 * Returns whether the prompt is about the weather, so the adapters offer the demo
	 * {@code get_weather} tool.
	 * @return {@code true} if the text mentions "weather" in any case, or 天气
	 */
	boolean mentionsWeather() {
		return this.text.toLowerCase(Locale.ROOT).contains("weather") || this.text.contains("天气");
	}

}
