package work.liaobots.spring.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import work.liaobots.spring.error.ErrorContext;
import work.liaobots.spring.error.LiaobotsBufferLimitException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsUnexpectedResponseException;
import work.liaobots.spring.transport.GatewayCall.Phase;

/**
 * Sends calls to the gateway for every surface: chooses the domain, adds the auth header,
 * applies time limits and retries, reads JSON bodies and server-sent-event streams, and
 * turns every failure into a typed {@link LiaobotsException}.
 * <p>
 * A request body is serialized once and sent unchanged to every domain and on every
 * attempt. A stream is retried or moved to another domain only before its first event
 * reaches the caller. After that, a failure ends it with an error that carries the
 * partial result. A stream ends right after its format's terminal signal, which closes
 * the connection even when the server keeps it open.
 */
public final class GatewayTransport {

	private static final Log logger = LogFactory.getLog(GatewayTransport.class);

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private static final String USER_AGENT = "liaobots-spring-boot-starter";

	/**
	 * How long the body of a stream may run on after its terminal signal before its
	 * connection is closed. Servers end the body right after the terminal event, usually
	 * in the same network read.
	 */
	private static final Duration BODY_DRAIN_GRACE = Duration.ofMillis(250);

	private final WebClient webClient;

	private final TransportSettings settings;

	private final DomainRouter router;

	private final JsonMapper mapper;

	private final ErrorMapper errors;

	private final GatewayObserver observer;

	private final CallGuard guard;

	public GatewayTransport(WebClient webClient, TransportSettings settings, JsonMapper mapper) {
		this(webClient, settings, mapper, GatewayObserver.NOOP, CallGuard.NONE);
	}

	/**
	 * Creates a transport.
	 * @param webClient the client, with a connector over Reactor Netty
	 * @param settings the settings
	 * @param mapper the wire JSON mapper
	 * @param observer observes each call, for metrics and tracing
	 * @param guard checks each call before it is sent
	 */
	public GatewayTransport(WebClient webClient, TransportSettings settings, JsonMapper mapper,
			GatewayObserver observer, CallGuard guard) {
		this.webClient = webClient;
		this.settings = settings;
		this.router = new DomainRouter(settings.baseUrls(), settings.cooldown(), Clock.systemUTC());
		this.mapper = mapper;
		this.errors = new ErrorMapper(mapper, new SecretMasker(settings.authcode()));
		this.observer = observer;
		this.guard = guard;
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

	public DomainRouter router() {
		return this.router;
	}

	public TransportSettings settings() {
		return this.settings;
	}

	/**
	 * Serializes a request body once, for every attempt and domain.
	 * @param body the request object
	 * @return the JSON bytes
	 */
	public byte[] serialize(Object body) {
		return this.mapper.writeValueAsBytes(body);
	}

	/**
	 * Sends a call whose response is one JSON body.
	 * @param <T> the response type
	 * @param request the call
	 * @param reader a reader for the response type
	 * @param options per-call overrides
	 * @return the parsed body
	 */
	public <T> Mono<T> exchange(GatewayRequest request, ObjectReader reader, CallOptions options) {
		return exchange(request, List.of(reader), options);
	}

	/**
	 * Sends a call whose response is one JSON body that may come in more than one
	 * spelling, such as base64 in the standard or the URL-safe alphabet, which one reader
	 * cannot both read. The readers parse the same body bytes in turn until one succeeds.
	 * When all fail, the error reports the first reader's failure.
	 * @param <T> the response type
	 * @param request the call
	 * @param readers readers for the response type, the preferred one first
	 * @param options per-call overrides
	 * @return the parsed body
	 */
	public <T> Mono<T> exchange(GatewayRequest request, List<ObjectReader> readers, CallOptions options) {
		Assert.notEmpty(readers, "'readers' must not be empty");
		List<ObjectReader> candidates = List.copyOf(readers);
		return Mono.defer(() -> {
			LiaobotsException rejection = this.guard.check(request);
			if (rejection != null) {
				return Mono.error(rejection);
			}
			GatewayCall call = newCall(request, options);
			CallObservation observation = call.observation();
			Mono<T> attempts = Mono.defer(() -> this.<T>exchangeOnce(call, candidates)).retryWhen(call.retrySpec());
			return withTotalTimeout(attempts.flux(), call).next()
				.doOnSuccess(observation::success)
				.doOnError((error) -> observation.failure(error, null))
				.doOnCancel(() -> observation.cancel(null))
				.doFinally(call::finished)
				.contextWrite(observation::contextWrite);
		});
	}

	/**
	 * Sends a call whose response is a server-sent-event stream.
	 * @param <E> the event type
	 * @param request the call
	 * @param decoders creates a decoder for each response
	 * @param options per-call overrides
	 * @return the events, ending after the format's terminal signal
	 */
	public <E> Flux<E> stream(GatewayRequest request, Supplier<? extends StreamDecoder<E>> decoders,
			CallOptions options) {
		return Flux.defer(() -> {
			LiaobotsException rejection = this.guard.check(request);
			if (rejection != null) {
				return Flux.error(rejection);
			}
			GatewayCall call = newCall(request, options);
			CallObservation observation = call.observation();
			// Events travel in the batches of one network read until the last step, so
			// the retry, timeout and observation operators run once per read, not once
			// per event: on 200,000-event streams they cost about 8% of the time per
			// event.
			Flux<List<E>> attempts = Flux.defer(() -> streamOnce(call, decoders.get()))
				.retryWhen(call.retrySpec())
				.filter((batch) -> !batch.isEmpty())
				.doOnNext((batch) -> call.markDelivered());
			return withTotalTimeout(attempts, call).doOnComplete(() -> observation.success(call.streamResult()))
				.doOnError((error) -> observation.failure(error, call.streamResult()))
				.doOnCancel(() -> observation.cancel(call.streamResult()))
				.doFinally(call::finished)
				.contextWrite(observation::contextWrite)
				.concatMapIterable((batch) -> batch);
		});
	}

	private GatewayCall newCall(GatewayRequest request, CallOptions options) {
		return new GatewayCall(request, EffectiveOptions.of(this.settings, options), this.router,
				this.observer.start(request));
	}

	private <T> Flux<T> withTotalTimeout(Flux<T> calls, GatewayCall call) {
		if (call.options().total() == null) {
			return calls;
		}
		return calls.timeout(Mono.delay(call.options().total()), (item) -> Mono.never(),
				Flux.defer(() -> Flux.error(call.totalTimeoutError())));
	}

	private <T> Mono<T> exchangeOnce(GatewayCall call, List<ObjectReader> readers) {
		URI uri = call.startAttempt(null);
		return send(call, uri).<T>exchangeToMono((response) -> readBody(call, response, readers))
			.timeout(call.options().response(), Mono.defer(() -> call.<T>timedOut()))
			.onErrorMap((failure) -> toLiaobotsException(call, failure));
	}

	/**
	 * Runs one attempt of a stream call and returns its events in the batches of the
	 * network reads, empty batches included: each batch, empty or not, restarts the idle
	 * timer.
	 */
	private <E> Flux<List<E>> streamOnce(GatewayCall call, StreamDecoder<E> decoder) {
		URI uri = call.startAttempt(decoder);
		Flux<List<E>> batches = send(call, uri).exchangeToFlux((response) -> readStream(call, response, decoder));
		return batches
			.timeout(Mono.delay(call.options().response()), (batch) -> Mono.delay(call.nextWait(batch)),
					Flux.defer(call::timedOut))
			.transform((read) -> endAtTerminalSignal(read, decoder))
			.onErrorResume((failure) -> isCutAfterCompleteAnswer(call, decoder, failure), (failure) -> Flux.empty())
			.onErrorMap((failure) -> toLiaobotsException(call, failure));
	}

	/**
	 * Ends the batches right after the one with the format's terminal signal, and lets
	 * the response body run to its end in the background for up to
	 * {@link #BODY_DRAIN_GRACE}, so that its connection goes back to the pool.
	 * <p>
	 * Cancelling the body at the terminal signal, as {@code takeUntil} does, closes the
	 * connection, because the end of the HTTP body is decoded just after the last event:
	 * every streamed call then opened a new connection (181 of 200 calls in a row on
	 * loopback), which cost 1.2 ms of CPU per call there and a TLS handshake against the
	 * gateway. A body that does not end within the grace is cancelled, which closes its
	 * connection, and a stream the caller cancels before its terminal signal is cancelled
	 * at once.
	 */
	private static <E> Flux<List<E>> endAtTerminalSignal(Flux<List<E>> batches, StreamDecoder<E> decoder) {
		return Flux.create((sink) -> {
			TerminalSignalRelay<E> relay = new TerminalSignalRelay<>(sink, decoder);
			batches.contextWrite(sink.contextView()).subscribe(relay);
			sink.onRequest(relay::request);
			sink.onCancel(relay::dispose);
		});
	}

	/**
	 * Returns whether the connection broke after the answer was already complete by its
	 * format's rule (a chat stream whose choices all finished but whose {@code [DONE]}
	 * never came): nothing was lost, so the stream ends normally.
	 */
	private static boolean isCutAfterCompleteAnswer(GatewayCall call, StreamDecoder<?> decoder, Throwable failure) {
		return call.phase() != Phase.AWAITING_RESPONSE && decoder.isComplete() && ErrorMapper.isIoFailure(failure);
	}

	private WebClient.RequestHeadersSpec<?> send(GatewayCall call, URI uri) {
		GatewayRequest request = call.request();
		WebClient.RequestBodySpec spec = this.webClient.method(request.method()).uri(uri).headers((headers) -> {
			ApiFormat.AuthScheme auth = request.format().authScheme();
			headers.set(auth.headerName(), auth.headerValue(this.settings.authcode()));
			headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
			headers.setAccept(List.of(request.streaming() ? MediaType.TEXT_EVENT_STREAM : MediaType.APPLICATION_JSON));
			request.headers().forEach(headers::set);
			if (logger.isTraceEnabled()) {
				logger.trace(call.logPrefix() + request.method() + " " + SensitiveData.maskQuery(uri.toString())
						+ " headers " + SensitiveData.maskHeaders(headers));
			}
		});
		if (request.body() == null) {
			return spec;
		}
		return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
	}

	private <T> Mono<T> readBody(GatewayCall call, ClientResponse response, List<ObjectReader> readers) {
		call.responseReceived(response.statusCode().value());
		if (!response.statusCode().is2xxSuccessful()) {
			return errorBody(call, response).flatMap((error) -> Mono.<T>error(error));
		}
		if (isHtml(response)) {
			return errorBody(call, response).flatMap((error) -> Mono
				.error(unexpected(call, "an HTML page instead of JSON: " + error.providerMessage(), null)));
		}
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxInMemorySize())
			.switchIfEmpty(Mono.error(() -> unexpected(call, "an empty body instead of JSON", null)))
			.map((buffer) -> parse(call, buffer, readers));
	}

	private <T> T parse(GatewayCall call, DataBuffer buffer, List<ObjectReader> readers) {
		try {
			return readFirstMatch(buffer, readers);
		}
		catch (JacksonException ex) {
			throw unexpected(call, "a body that is not the expected JSON (" + ex.getOriginalMessage() + ")", ex);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Parses the body with each reader in turn. Reading moves the buffer's read position,
	 * so every attempt starts again from the first byte.
	 */
	private static <T> T readFirstMatch(DataBuffer buffer, List<ObjectReader> readers) {
		int start = buffer.readPosition();
		JacksonException firstFailure = null;
		for (ObjectReader reader : readers) {
			buffer.readPosition(start);
			try {
				return reader.readValue(buffer.asInputStream());
			}
			catch (JacksonException ex) {
				firstFailure = (firstFailure != null) ? firstFailure : ex;
			}
		}
		throw firstFailure;
	}

	private <E> Flux<List<E>> readStream(GatewayCall call, ClientResponse response, StreamDecoder<E> decoder) {
		call.responseReceived(response.statusCode().value());
		if (!response.statusCode().is2xxSuccessful()) {
			return errorBody(call, response).flatMapMany(Flux::error);
		}
		if (!isEventStream(response)) {
			return errorBody(call, response)
				.flatMapMany((error) -> Flux.error(unexpectedStreamBody(call, response, error)));
		}
		EventCollector<E> collector = new EventCollector<>(call, decoder, new SseReader(maxInMemorySize()));
		Flux<List<E>> body = response.bodyToFlux(DataBuffer.class).handle(collector::read);
		return Flux.concat(Mono.just(Collections.<E>emptyList()), body, Mono.fromCallable(collector::finish));
	}

	/**
	 * Turns a non-stream body on a stream call into an error: an error JSON is mapped
	 * like an error status, anything else names the content type.
	 */
	private LiaobotsException unexpectedStreamBody(GatewayCall call, ClientResponse response, LiaobotsException error) {
		if (error.errorType() != null) {
			return error;
		}
		return unexpected(call,
				"content type '" + response.headers().contentType().map(MediaType::toString).orElse("none")
						+ "' instead of text/event-stream (" + error.providerMessage() + ")",
				null);
	}

	private Mono<LiaobotsException> errorBody(GatewayCall call, ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()), MAX_ERROR_BODY))
			.map((buffer) -> {
				try {
					return buffer.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty(new byte[0])
			.map((body) -> this.errors.fromResponse(call.context(), status, headers, body));
	}

	private LiaobotsException toLiaobotsException(GatewayCall call, Throwable failure) {
		if (failure instanceof LiaobotsException liaobots) {
			return liaobots;
		}
		ErrorContext context = call.context();
		if (failure instanceof StreamErrorEvent event) {
			return this.errors.fromStreamError(context, event);
		}
		if (failure instanceof SseReader.SseEventTooLargeException || failure instanceof DataBufferLimitException) {
			return new LiaobotsBufferLimitException("Response of " + context.requestLine() + " has "
					+ (call.request().streaming() ? "an event" : "a body")
					+ " larger than 'liaobots.max-in-memory-size' (" + maxInMemorySize() + " bytes) after "
					+ call.eventsReceived() + " events; raise the limit", context, maxInMemorySize());
		}
		if (failure instanceof JacksonException json) {
			return unexpected(call,
					"a malformed event after " + call.eventsReceived() + " events (" + json.getOriginalMessage() + ")",
					json);
		}
		if (failure instanceof TimeoutException) {
			return call.timeoutError();
		}
		if (call.phase() == Phase.AWAITING_RESPONSE) {
			return this.errors.fromConnectFailure(context, failure, call.options().connect());
		}
		if (ErrorMapper.isIoFailure(failure)) {
			return new LiaobotsIncompleteStreamException("Connection to " + context.domain() + " broke after "
					+ call.eventsReceived() + " events of " + context.requestLine()
					+ " before the stream's terminal event (" + failure.getMessage() + ")", context, failure);
		}
		return new LiaobotsException("Call " + context.requestLine() + " failed: " + failure, context, failure);
	}

	private LiaobotsUnexpectedResponseException unexpected(GatewayCall call, String what, @Nullable Throwable cause) {
		ErrorContext context = call.context();
		return new LiaobotsUnexpectedResponseException(
				"Unexpected response from " + context.requestLine() + ": " + what, context, cause);
	}

	private int maxInMemorySize() {
		return (int) Math.min(Integer.MAX_VALUE, this.settings.maxInMemorySize());
	}

	private static boolean isEventStream(ClientResponse response) {
		return response.headers()
			.contentType()
			.map((type) -> MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type))
			.orElse(false);
	}

	private static boolean isHtml(ClientResponse response) {
		return response.headers().contentType().map((type) -> MediaType.TEXT_HTML.isCompatibleWith(type)).orElse(false);
	}

	/**
	 * Passes batches and demand between a stream's body and its caller until the terminal
	 * signal, then completes the caller and drains the body. Reactor delivers the body's
	 * signals one at a time, so {@link #ended} needs no lock.
	 */
	private static final class TerminalSignalRelay<E> extends BaseSubscriber<List<E>> {

		private final FluxSink<List<E>> sink;

		private final StreamDecoder<E> decoder;

		private boolean ended;

		private Disposable drainLimit = Disposables.disposed();

		TerminalSignalRelay(FluxSink<List<E>> sink, StreamDecoder<E> decoder) {
			this.sink = sink;
			this.decoder = decoder;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			// Demand comes from the caller through FluxSink.onRequest.
		}

		@Override
		protected void hookOnNext(List<E> batch) {
			if (this.ended) {
				return;
			}
			this.sink.next(batch);
			if (this.decoder.isTerminated()) {
				this.ended = true;
				this.sink.complete();
				this.drainLimit = Schedulers.parallel()
					.schedule(this::dispose, BODY_DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
				requestUnbounded();
			}
		}

		@Override
		protected void hookOnComplete() {
			this.drainLimit.dispose();
			if (!this.ended) {
				this.sink.complete();
			}
		}

		@Override
		protected void hookOnError(Throwable failure) {
			this.drainLimit.dispose();
			if (!this.ended) {
				this.sink.error(failure);
			}
		}

	}

	/**
	 * Feeds network reads to the SSE reader and the format's decoder, one batch of events
	 * per read. An empty batch still counts as activity for the idle limit.
	 */
	private final class EventCollector<E> implements SseReader.Handler {

		private final GatewayCall call;

		private final StreamDecoder<E> decoder;

		private final SseReader reader;

		private List<E> batch = Collections.emptyList();

		@Nullable private RuntimeException failure;

		EventCollector(GatewayCall call, StreamDecoder<E> decoder, SseReader reader) {
			this.call = call;
			this.decoder = decoder;
			this.reader = reader;
		}

		void read(DataBuffer buffer, SynchronousSink<List<E>> sink) {
			this.batch = Collections.emptyList();
			try {
				this.reader.read(buffer, this);
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
			sink.next(this.batch);
			if (this.failure != null) {
				sink.error(this.failure);
			}
		}

		List<E> finish() {
			this.batch = Collections.emptyList();
			this.reader.finish(this);
			if (!this.decoder.isTerminated() && !this.decoder.isComplete()) {
				ErrorContext context = this.call.context();
				throw new LiaobotsIncompleteStreamException("Stream from " + context.requestLine() + " ended after "
						+ this.call.eventsReceived() + " events without its terminal event", context, null);
			}
			return this.batch;
		}

		@Override
		public void onEvent(@Nullable String eventName, SseData data) {
			if (this.decoder.isTerminated() || this.failure != null) {
				return;
			}
			E event = this.decoder.decode(eventName, data);
			if (event != null) {
				if (this.batch.isEmpty()) {
					this.batch = new ArrayList<>(4);
				}
				this.batch.add(event);
				this.call.eventReceived();
			}
		}

	}

}
