package work.liaobots.spring.observation;

import java.util.Locale;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

import work.liaobots.spring.transport.ApiFormat;

/**
 * Names and tags of the {@code gen_ai.client.operation} observation, after the
 * OpenTelemetry GenAI semantic conventions, plus the format, domain and whether the call
 * streamed.
 * <p>
 * Every tag is present on every observation ({@code error.type} is {@code none} on
 * success, a model the response did not name is {@code unknown}), because Prometheus
 * requires the same tag keys on every series of a meter.
 */
public class GatewayObservationConvention implements ObservationConvention<GatewayObservationContext> {

	/** Name of the observation and of the timer Micrometer derives from it. */
	public static final String NAME = "gen_ai.client.operation";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(GatewayObservationContext context) {
		String model = context.request().model();
		return operationName(context.request().format()) + ((model != null) ? " " + model : "");
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(GatewayObservationContext context) {
		ApiFormat format = context.request().format();
		Throwable error = context.getError();
		return KeyValues.of("gen_ai.operation.name", operationName(format), "gen_ai.provider.name",
				providerName(format), "gen_ai.request.model", orUnknown(context.request().model()),
				"gen_ai.response.model", orUnknown(context.responseModel()), "error.type",
				(error != null) ? error.getClass().getSimpleName() : "none", "liaobots.format", format.displayName(),
				"liaobots.domain", orUnknown(context.domain()), "liaobots.streaming",
				String.valueOf(context.request().streaming()));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof GatewayObservationContext;
	}

	/**
	 * Returns the GenAI operation name of a format.
	 * @param format the format
	 * @return {@code chat}, {@code generate_content} or the format's own name
	 */
	public static String operationName(ApiFormat format) {
		return switch (format) {
			case CHAT_COMPLETIONS, RESPONSES, MESSAGES -> "chat";
			case GEMINI -> "generate_content";
			case CREDITS -> format.displayName().toLowerCase(Locale.ROOT);
		};
	}

	/**
	 * Returns the GenAI provider name of a format: the API the gateway speaks.
	 * @param format the format
	 * @return the provider name
	 */
	public static String providerName(ApiFormat format) {
		return switch (format) {
			case CHAT_COMPLETIONS, RESPONSES -> "openai";
			case MESSAGES -> "anthropic";
			case GEMINI -> "gcp.gemini";
			case CREDITS -> "liaobots";
		};
	}

	static String orUnknown(String value) {
		return (value != null && !value.isBlank()) ? value : "unknown";
	}

}
