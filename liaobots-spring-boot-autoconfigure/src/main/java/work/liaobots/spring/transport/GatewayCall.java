package work.liaobots.spring.transport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import work.liaobots.spring.error.ErrorContext;
import work.liaobots.spring.error.LiaobotsAllDomainsFailedException;
import work.liaobots.spring.error.LiaobotsConnectionException;
import work.liaobots.spring.error.LiaobotsException;
import work.liaobots.spring.error.LiaobotsIncompleteStreamException;
import work.liaobots.spring.error.LiaobotsOverloadedException;
import work.liaobots.spring.error.LiaobotsRateLimitException;
import work.liaobots.spring.error.LiaobotsServerException;
import work.liaobots.spring.error.LiaobotsStreamException;
import work.liaobots.spring.error.LiaobotsTimeoutException;
import work.liaobots.spring.error.LiaobotsTimeoutException.Timeout;

/**
 * The state of one call across its attempts: which domains it tried, how often, and where
 * the current attempt has reached. Attempts run one after another, so the fields need no
 * locking; those read by timer threads are volatile.
 */
final class GatewayCall {

	private static final Log logger = LogFactory.getLog(GatewayTransport.class);

	private static final AtomicLong ids = new AtomicLong();

	/**
	 * How long a stream without a terminal signal waits for more data once it is complete
	 * by its format's rule. Trailing chunks of such a stream follow the last one at once.
	 */
	private static final Duration COMPLETE_STREAM_GRACE = Duration.ofSeconds(1);

	/**
	 * Progress of an attempt, for naming the limit that fired and classifying failures.
	 */
	enum Phase {

		/** Connecting and sending; no response yet. */
		AWAITING_RESPONSE,

		/** Headers arrived; no stream event yet. */
		AWAITING_FIRST_EVENT,

		/** At least one stream event arrived. */
		STREAMING

	}

	private final String logPrefix = "[liaobots-" + ids.incrementAndGet() + "] ";

	private final GatewayRequest request;

	private final EffectiveOptions options;

	private final DomainRouter router;

	private final Set<Domain> tried = new LinkedHashSet<>();

	private final Map<Domain, LiaobotsException> failures = new LinkedHashMap<>();

	@Nullable private Domain nextDomain;

	private int attemptsOnDomain;

	private int rounds = 1;

	private volatile boolean delivered;

	@Nullable private volatile Domain domain;

	@Nullable private volatile URI uri;

	private volatile Phase phase = Phase.AWAITING_RESPONSE;

	private volatile long firstEventDeadline;

	private volatile boolean firstEventSeen;

	private volatile long eventsReceived;

	@Nullable private volatile StreamDecoder<?> decoder;

	private final CallObservation observation;

	GatewayCall(GatewayRequest request, EffectiveOptions options, DomainRouter router, CallObservation observation) {
		this.request = request;
		this.options = options;
		this.router = router;
		this.observation = observation;
	}

	CallObservation observation() {
		return this.observation;
	}

	/**
	 * Returns what the current stream has delivered, folded by its format's accumulator.
	 */
	@Nullable Object streamResult() {
		StreamDecoder<?> current = this.decoder;
		return (current != null) ? current.partialResult() : null;
	}

	GatewayRequest request() {
		return this.request;
	}

	EffectiveOptions options() {
		return this.options;
	}

	String logPrefix() {
		return this.logPrefix;
	}

	/**
	 * Starts an attempt on the next domain and returns the URI it goes to.
	 */
	URI startAttempt(@Nullable StreamDecoder<?> decoder) {
		Domain chosen = (this.nextDomain != null) ? this.nextDomain : this.router.select(this.tried);
		if (chosen == null) {
			chosen = this.router.activeDomain();
		}
		this.nextDomain = chosen;
		if (this.domain != chosen) {
			this.attemptsOnDomain = 0;
		}
		this.attemptsOnDomain++;
		this.domain = chosen;
		this.uri = chosen.resolve(this.request.path(), this.request.query());
		this.phase = Phase.AWAITING_RESPONSE;
		this.firstEventSeen = false;
		this.eventsReceived = 0;
		this.decoder = decoder;
		this.observation.attempt(chosen);
		return this.uri;
	}

	/**
	 * Records that response headers arrived with {@code status}.
	 */
	void responseReceived(int status) {
		this.phase = Phase.AWAITING_FIRST_EVENT;
		this.firstEventDeadline = System.nanoTime() + this.options.firstEvent().toNanos();
		if (status != 502 && status != 503 && status != 504) {
			this.router.reachable(this.domain);
		}
		if (logger.isDebugEnabled()) {
			logger.debug(this.logPrefix + this.request.method() + " " + this.uri + " -> " + status);
		}
	}

	private static Duration min(Duration first, Duration second) {
		return (first.compareTo(second) <= 0) ? first : second;
	}

	void eventReceived() {
		this.eventsReceived++;
	}

	void markDelivered() {
		if (!this.delivered) {
			this.delivered = true;
			this.observation.firstEvent();
		}
	}

	/**
	 * Returns how long to wait for the next read of a stream after {@code batch}: the
	 * rest of the first-event limit until an event arrived, the idle limit after.
	 */
	Duration nextWait(List<?> batch) {
		if (!this.firstEventSeen && !batch.isEmpty()) {
			this.firstEventSeen = true;
			this.phase = Phase.STREAMING;
		}
		if (this.firstEventSeen) {
			StreamDecoder<?> current = this.decoder;
			boolean settled = current != null && !current.hasTerminalSignal() && current.isComplete();
			return settled ? min(this.options.idle(), COMPLETE_STREAM_GRACE) : this.options.idle();
		}
		return Duration.ofNanos(Math.max(0, this.firstEventDeadline - System.nanoTime()));
	}

	/**
	 * Handles a time limit that fired. A stream that is complete by its format's rule
	 * ends normally; anything else fails with a timeout that names the limit.
	 */
	<T> Mono<T> timedOut() {
		StreamDecoder<?> current = this.decoder;
		if (this.phase != Phase.AWAITING_RESPONSE && current != null && current.isComplete()) {
			return Mono.empty();
		}
		return Mono.error(timeoutError());
	}

	LiaobotsTimeoutException timeoutError() {
		ErrorContext context = context();
		Phase limit = this.request.streaming() ? this.phase : Phase.AWAITING_RESPONSE;
		return switch (limit) {
			case AWAITING_RESPONSE -> new LiaobotsTimeoutException("No response from " + context.domain() + " within "
					+ this.options.response() + " for " + context.requestLine() + "; raise "
					+ Timeout.RESPONSE.property() + " or check the gateway", context, Timeout.RESPONSE,
					this.options.response());
			case AWAITING_FIRST_EVENT ->
				new LiaobotsTimeoutException(
						"No stream event within " + this.options.firstEvent() + " after the response headers of "
								+ context.requestLine() + "; raise " + Timeout.FIRST_EVENT.property()
								+ " for slow reasoning models",
						context, Timeout.FIRST_EVENT, this.options.firstEvent());
			case STREAMING ->
				new LiaobotsTimeoutException("No data for " + this.options.idle() + " after " + this.eventsReceived
						+ " events from " + context.requestLine() + "; raise " + Timeout.IDLE.property()
						+ " if the model pauses that long", context, Timeout.IDLE, this.options.idle());
		};
	}

	LiaobotsTimeoutException totalTimeoutError() {
		Duration total = this.options.total();
		return new LiaobotsTimeoutException("Call " + context().requestLine() + " did not finish within " + total
				+ " (retries included); raise " + Timeout.TOTAL.property(), context(), Timeout.TOTAL, total);
	}

	Phase phase() {
		return this.phase;
	}

	long eventsReceived() {
		return this.eventsReceived;
	}

	/**
	 * Returns the facts of the current attempt, with the stream's partial result.
	 */
	ErrorContext context() {
		StreamDecoder<?> current = this.decoder;
		ErrorContext context = ErrorContext.of(this.request.format(), this.request.method().name(), this.uri);
		if (current != null && this.phase != Phase.AWAITING_RESPONSE) {
			context = context.withStreamProgress(current.partialResult(), this.eventsReceived);
		}
		return context;
	}

	/**
	 * Returns the retry rule of this call: Reactor's retry operator, driven by
	 * {@link #decide(Throwable)}.
	 */
	Retry retrySpec() {
		return Retry.from((signals) -> signals.concatMap((signal) -> decide(signal.failure())));
	}

	/**
	 * Decides what follows a failed attempt: the same domain after a back-off, the next
	 * domain at once, or the end of the call.
	 */
	private Mono<Long> decide(Throwable failure) {
		if (!(failure instanceof LiaobotsException error) || this.delivered) {
			return Mono.error(failure);
		}
		Domain failed = this.domain;
		this.failures.put(failed, error);
		return switch (classify(error)) {
			case FAIL -> Mono.error(error);
			case SWITCH_DOMAIN -> switchDomain(failed, error);
			case RETRY -> retrySameDomain(failed, error);
		};
	}

	private Mono<Long> retrySameDomain(Domain failed, LiaobotsException error) {
		Duration requested = (error instanceof LiaobotsRateLimitException rateLimit)
				? rateLimit.retryAfter().orElse(null) : null;
		if (requested != null && requested.compareTo(this.options.retry().maxRetryAfter()) > 0) {
			return Mono.error(error);
		}
		if (this.attemptsOnDomain < this.options.maxAttempts()) {
			Duration wait = (requested != null) ? requested : backoff(this.attemptsOnDomain);
			logRetry(error, wait);
			this.observation.retry(failed, error);
			this.nextDomain = failed;
			return Mono.delay(wait);
		}
		if (error instanceof LiaobotsServerException || error instanceof LiaobotsOverloadedException) {
			// The domain failed through all its retries: try an untried domain once.
			return switchDomain(failed, error, false);
		}
		return Mono.error(error);
	}

	private Mono<Long> switchDomain(Domain failed, LiaobotsException error) {
		return switchDomain(failed, error, true);
	}

	/**
	 * Moves the call to the next untried domain at once. When every domain was tried, a
	 * new round over the domains starts after a back-off if {@code newRound} allows it
	 * and the round budget is not spent.
	 */
	private Mono<Long> switchDomain(Domain failed, LiaobotsException error, boolean newRound) {
		this.router.unreachable(failed, error.getMessage());
		this.tried.add(failed);
		Domain next = this.router.select(this.tried);
		if (next != null) {
			logger.warn(this.logPrefix + failed.name() + " failed for " + this.request + ": " + error.getMessage()
					+ "; moving to " + next.name());
			this.nextDomain = next;
			this.observation.failover(failed, next, error);
			return Mono.just(0L);
		}
		if (newRound && this.rounds < this.options.maxAttempts()) {
			Duration wait = backoff(this.rounds++);
			logRetry(error, wait);
			this.observation.retry(failed, error);
			this.tried.clear();
			this.nextDomain = null;
			return Mono.delay(wait);
		}
		return Mono.error(finalError(error));
	}

	private LiaobotsException finalError(LiaobotsException last) {
		if (this.failures.size() < 2) {
			return last;
		}
		StringJoiner causes = new StringJoiner("; ");
		this.failures.forEach((failedDomain, error) -> causes.add(failedDomain.name() + ": " + error.getMessage()));
		String message = "All " + this.failures.size() + " domains failed for " + this.request + " (" + causes
				+ "); check the network and 'liaobots.base-urls'";
		return new LiaobotsAllDomainsFailedException(message, last.context(), List.copyOf(this.failures.values()));
	}

	private Duration backoff(int retry) {
		EffectiveOptions.RetryPolicy policy = this.options.retry();
		double base = policy.initialBackoff().toNanos() * Math.pow(2, Math.max(0, retry - 1));
		double capped = Math.min(base, policy.maxBackoff().toNanos());
		double jittered = capped * (1 - policy.jitter() * ThreadLocalRandom.current().nextDouble());
		return Duration.ofNanos((long) jittered);
	}

	private void logRetry(LiaobotsException error, Duration wait) {
		logger.warn(this.logPrefix + "Retrying " + this.request + " in " + wait.toMillis() + " ms after: "
				+ error.getMessage());
	}

	/**
	 * Sorts an error by what follows it. Failures that show a domain is unreachable move
	 * the call to the next domain, transient failures are retried on the same domain, and
	 * everything else ends the call.
	 */
	private Outcome classify(LiaobotsException error) {
		if (error instanceof LiaobotsConnectionException) {
			return Outcome.SWITCH_DOMAIN;
		}
		if (error instanceof LiaobotsTimeoutException timeout) {
			return switch (timeout.timeout()) {
				case CONNECT, RESPONSE -> Outcome.SWITCH_DOMAIN;
				case FIRST_EVENT, IDLE -> Outcome.RETRY;
				case TOTAL -> Outcome.FAIL;
			};
		}
		int status = error.status();
		if (error instanceof LiaobotsServerException && (status == 502 || status == 503 || status == 504)) {
			return Outcome.SWITCH_DOMAIN;
		}
		if (error instanceof LiaobotsIncompleteStreamException || error instanceof LiaobotsStreamException) {
			return error.isRetryable() ? Outcome.RETRY : Outcome.FAIL;
		}
		return error.isRetryable() ? Outcome.RETRY : Outcome.FAIL;
	}

	void finished(reactor.core.publisher.SignalType signal) {
		Domain current = this.domain;
		if (current != null && signal == reactor.core.publisher.SignalType.CANCEL) {
			this.router.released(current);
		}
	}

	private enum Outcome {

		FAIL, RETRY, SWITCH_DOMAIN

	}

}
