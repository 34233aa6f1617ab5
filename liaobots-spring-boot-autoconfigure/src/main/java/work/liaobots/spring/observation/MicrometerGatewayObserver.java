package work.liaobots.spring.observation;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;

import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.transport.ApiFormat;
import work.liaobots.spring.transport.CallObservation;
import work.liaobots.spring.transport.Domain;
import work.liaobots.spring.transport.GatewayObserver;
import work.liaobots.spring.transport.GatewayRequest;

/**
 * Records gateway calls with Micrometer.
 * <ul>
 * <li>an observation {@code gen_ai.client.operation} per model call (credits calls are
 * not model calls and get none), which Boot turns into a timer and, with tracing, a span
 * that is the parent of WebClient's HTTP span;</li>
 * <li>{@code gen_ai.client.token.usage}, a distribution summary per
 * {@code gen_ai.token.type} ({@code input}, {@code output}), for streams too;</li>
 * <li>{@code liaobots.client.time_to_first_event}, a timer of streams;</li>
 * <li>{@code liaobots.client.retries} and {@code liaobots.client.failovers}
 * counters.</li>
 * </ul>
 */
public class MicrometerGatewayObserver implements GatewayObserver {

	/** Name of the token usage summary. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** Name of the time-to-first-event timer. */
	public static final String TIME_TO_FIRST_EVENT = "liaobots.client.time_to_first_event";

	/** Name of the retry counter. */
	public static final String RETRIES = "liaobots.client.retries";

	/** Name of the failover counter. */
	public static final String FAILOVERS = "liaobots.client.failovers";

	private final ObservationRegistry observationRegistry;

	@Nullable private final MeterRegistry meterRegistry;

	private final GatewayObservationConvention convention;

	public MicrometerGatewayObserver(ObservationRegistry observationRegistry, @Nullable MeterRegistry meterRegistry) {
		this(observationRegistry, meterRegistry, new GatewayObservationConvention());
	}

	public MicrometerGatewayObserver(ObservationRegistry observationRegistry, @Nullable MeterRegistry meterRegistry,
			GatewayObservationConvention convention) {
		this.observationRegistry = observationRegistry;
		this.meterRegistry = meterRegistry;
		this.convention = convention;
	}

	@Override
	public CallObservation start(GatewayRequest request) {
		GatewayObservationContext context = new GatewayObservationContext(request);
		Observation observation = (request.format() == ApiFormat.CREDITS) ? Observation.NOOP
				: Observation.createNotStarted(this.convention, () -> context, this.observationRegistry).start();
		return new MicrometerCallObservation(observation, context);
	}

	private final class MicrometerCallObservation implements CallObservation {

		private final Observation observation;

		private final GatewayObservationContext context;

		private final long startNanos = System.nanoTime();

		MicrometerCallObservation(Observation observation, GatewayObservationContext context) {
			this.observation = observation;
			this.context = context;
		}

		@Override
		public void attempt(Domain domain) {
			this.context.domain(domain.name());
		}

		@Override
		public void retry(Domain domain, LiaobotsException cause) {
			if (MicrometerGatewayObserver.this.meterRegistry != null) {
				Counter.builder(RETRIES)
					.description("Attempts retried on the same domain after a transient failure")
					.tag("liaobots.format", format())
					.tag("liaobots.domain", domain.name())
					.tag("error.type", cause.getClass().getSimpleName())
					.register(MicrometerGatewayObserver.this.meterRegistry)
					.increment();
			}
		}

		@Override
		public void failover(Domain from, Domain to, LiaobotsException cause) {
			if (MicrometerGatewayObserver.this.meterRegistry != null) {
				Counter.builder(FAILOVERS)
					.description("Calls moved from a failed domain to the next one")
					.tag("liaobots.format", format())
					.tag("liaobots.domain", from.name())
					.tag("liaobots.domain.next", to.name())
					.tag("error.type", cause.getClass().getSimpleName())
					.register(MicrometerGatewayObserver.this.meterRegistry)
					.increment();
			}
		}

		@Override
		public void firstEvent() {
			if (MicrometerGatewayObserver.this.meterRegistry != null) {
				Timer.builder(TIME_TO_FIRST_EVENT)
					.description("Time from the start of a streaming call to its first event")
					.tags(modelTags())
					.register(MicrometerGatewayObserver.this.meterRegistry)
					.record(Duration.ofNanos(System.nanoTime() - this.startNanos));
			}
		}

		@Override
		public void success(@Nullable Object result) {
			this.context.result(result);
			recordTokens();
			this.observation.stop();
		}

		@Override
		public void failure(Throwable error, @Nullable Object partialResult) {
			this.context.result(partialResult);
			recordTokens();
			this.observation.error(error);
			this.observation.stop();
		}

		@Override
		public void cancel(@Nullable Object partialResult) {
			this.context.result(partialResult);
			recordTokens();
			this.observation.event(Observation.Event.of("cancelled", "The caller cancelled the call"));
			this.observation.stop();
		}

		@Override
		public Context contextWrite(Context context) {
			return (this.observation.isNoop()) ? context
					: context.put(ObservationThreadLocalAccessor.KEY, this.observation);
		}

		private void recordTokens() {
			TokenUsage usage = this.context.tokenUsage();
			if (usage == null || MicrometerGatewayObserver.this.meterRegistry == null
					|| this.context.request().format() == ApiFormat.CREDITS) {
				return;
			}
			summary("input").record(usage.inputTokens());
			summary("output").record(usage.outputTokens());
		}

		private DistributionSummary summary(String tokenType) {
			return DistributionSummary.builder(TOKEN_USAGE)
				.description("Tokens used per call")
				.baseUnit("{token}")
				.tags(modelTags())
				.tag("gen_ai.response.model", GatewayObservationConvention.orUnknown(this.context.responseModel()))
				.tag("gen_ai.token.type", tokenType)
				.register(MicrometerGatewayObserver.this.meterRegistry);
		}

		private io.micrometer.core.instrument.Tags modelTags() {
			GatewayRequest request = this.context.request();
			return io.micrometer.core.instrument.Tags.of("gen_ai.operation.name",
					GatewayObservationConvention.operationName(request.format()), "gen_ai.provider.name",
					GatewayObservationConvention.providerName(request.format()), "gen_ai.request.model",
					GatewayObservationConvention.orUnknown(request.model()), "liaobots.format", format(),
					"liaobots.streaming", String.valueOf(request.streaming()));
		}

		private String format() {
			return this.context.request().format().displayName();
		}

	}

}
