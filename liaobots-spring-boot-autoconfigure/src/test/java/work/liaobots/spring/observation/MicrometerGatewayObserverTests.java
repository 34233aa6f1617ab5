package work.liaobots.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.credits.CreditsService;
import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.CallGuard;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.LiaobotsConnector;
import work.liaobots.spring.transport.TestTransports;
import work.liaobots.spring.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerGatewayObserverTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway primary = StubGateway.start();

	private final StubGateway backup = StubGateway.start();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final GatewayTransport transport;

	MicrometerGatewayObserverTests() {
		this.observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				MicrometerGatewayObserverTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		TransportSettings settings = TestTransports.settings(List.of(this.primary.baseUrl(), this.backup.baseUrl()));
		LiaobotsConnector connector = new LiaobotsConnector(new LiaobotsConnector.PoolSettings(10, -1,
				Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10)), Duration.ofSeconds(2));
		WebClient webClient = WebClient.builder()
			.clientConnector(connector.clientHttpConnector())
			.observationRegistry(this.observations)
			.build();
		this.transport = new GatewayTransport(webClient, settings, LiaobotsJson.create(1 << 24),
				new MicrometerGatewayObserver(this.observations, this.meters), CallGuard.NONE);
	}

	@AfterEach
	void stopGateways() {
		this.primary.close();
		this.backup.close();
	}

	@Test
	void callIsTimedWithGenAiTags() {
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(StubPayloads.chatCompletion("gpt-4o-mini-2024-07-18", "Hi", 12, 3)));
		chat().create(ChatCompletionRequest.of("gpt-4o-mini", "Hi")).block(WAIT);
		Timer timer = this.meters.get(GatewayObservationConvention.NAME).timer();
		assertThat(timer.count()).isEqualTo(1);
		Meter.Id id = timer.getId();
		assertThat(id.getTag("gen_ai.operation.name")).isEqualTo("chat");
		assertThat(id.getTag("gen_ai.provider.name")).isEqualTo("openai");
		assertThat(id.getTag("gen_ai.request.model")).isEqualTo("gpt-4o-mini");
		assertThat(id.getTag("gen_ai.response.model")).isEqualTo("gpt-4o-mini-2024-07-18");
		assertThat(id.getTag("error.type")).isEqualTo("none");
		assertThat(id.getTag("liaobots.format")).isEqualTo("chat completions");
		assertThat(id.getTag("liaobots.domain")).isEqualTo(this.primary.baseUrl().toString());
		assertThat(id.getTag("liaobots.streaming")).isEqualTo("false");
	}

	@Test
	void tokenUsageIsCountedByType() {
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(StubPayloads.chatCompletion("m", "Hi", 12, 3)));
		chat().create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		assertThat(tokens("input").totalAmount()).isEqualTo(12);
		assertThat(tokens("output").totalAmount()).isEqualTo(3);
	}

	@Test
	void streamCountsTokensAndTimeToFirstEvent() {
		String body = "data: " + StubPayloads.chatChunk("Hi") + "\n\ndata: " + StubPayloads.chatFinishChunk("stop")
				+ "\n\ndata: " + StubPayloads.chatUsageChunk(9, 2) + "\n\ndata: [DONE]\n\n";
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.body(200, "text/event-stream", body));
		chat().stream(ChatCompletionRequest.of("m", "Hi")).blockLast(WAIT);
		assertThat(tokens("input").totalAmount()).isEqualTo(9);
		assertThat(tokens("output").totalAmount()).isEqualTo(2);
		assertThat(this.meters.get(MicrometerGatewayObserver.TIME_TO_FIRST_EVENT).timer().count()).isEqualTo(1);
		assertThat(this.meters.get(GatewayObservationConvention.NAME).timer().getId().getTag("liaobots.streaming"))
			.isEqualTo("true");
	}

	@Test
	void failedCallIsTaggedWithErrorType() {
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.json(400, StubPayloads.openAiError("invalid_request_error", "bad")));
		chat().create(ChatCompletionRequest.of("m", "Hi")).onErrorComplete().block(WAIT);
		assertThat(this.meters.get(GatewayObservationConvention.NAME).timer().getId().getTag("error.type"))
			.isEqualTo("LiaobotsInvalidRequestException");
	}

	@Test
	void retriesAndFailoversAreCounted() {
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(500, "{}"));
		this.primary.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(503, "{}"));
		chat().create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		assertThat(this.meters.get(MicrometerGatewayObserver.RETRIES).counter().count()).isEqualTo(1);
		assertThat(
				this.meters.get(MicrometerGatewayObserver.FAILOVERS).counter().getId().getTag("liaobots.domain.next"))
			.isEqualTo(this.backup.baseUrl().toString());
	}

	@Test
	void webClientObservationIsChildOfCallObservation() {
		chat().create(ChatCompletionRequest.of("m", "Hi")).block(WAIT);
		Observation.Context http = this.stopped.stream()
			.filter((context) -> "http.client.requests".equals(context.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(http.getParentObservation()).isNotNull();
		assertThat(http.getParentObservation().getContextView().getName()).isEqualTo(GatewayObservationConvention.NAME);
	}

	@Test
	void creditsCallsAreNotModelOperations() {
		new CreditsService(this.transport, 50, "nextId").balance().block(WAIT);
		assertThat(this.meters.find(GatewayObservationConvention.NAME).timers()).isEmpty();
	}

	private DistributionSummary tokens(String type) {
		return this.meters.get(MicrometerGatewayObserver.TOKEN_USAGE).tag("gen_ai.token.type", type).summary();
	}

	private ChatCompletionsService chat() {
		return new ChatCompletionsService(this.transport, "m");
	}

}
