package work.liaobots.spring.credits;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectReader;

import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

import work.liaobots.spring.error.ErrorContext;
import work.liaobots.spring.error.LiaobotsUnexpectedResponseException;
import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.transport.ApiFormat;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayRequest;
import work.liaobots.spring.transport.GatewayTransport;

/**
 * The credits endpoint ({@code GET /api/v1/credits}, Bearer auth): balance and paged
 * usage records. Calls are free.
 */
public class CreditsService {

	private final GatewayTransport transport;

	private final int defaultPageSize;

	private final String cursorParameter;

	private final ObjectReader envelopeReader;

	private final CreditBalanceTracker tracker;

	/**
	 * Creates the service.
	 * @param transport the transport
	 * @param defaultPageSize the page size of {@link #usage()}
	 * @param cursorParameter the query parameter that carries {@code nextId}
	 */
	public CreditsService(GatewayTransport transport, int defaultPageSize, String cursorParameter) {
		this(transport, defaultPageSize, cursorParameter, new CreditBalanceTracker());
	}

	/**
	 * Creates the service.
	 * @param transport the transport
	 * @param defaultPageSize the page size of {@link #usage()}
	 * @param cursorParameter the query parameter that carries {@code nextId}
	 * @param tracker records every balance the gateway reports
	 */
	public CreditsService(GatewayTransport transport, int defaultPageSize, String cursorParameter,
			CreditBalanceTracker tracker) {
		Assert.isTrue(defaultPageSize > 0, "'defaultPageSize' must be positive");
		Assert.hasText(cursorParameter, "'cursorParameter' must not be empty");
		this.transport = transport;
		this.defaultPageSize = defaultPageSize;
		this.cursorParameter = cursorParameter;
		this.envelopeReader = transport.mapper().readerFor(CreditsEnvelope.class);
		this.tracker = tracker;
	}

	/**
	 * Returns the tracker of the last balance this service read.
	 * @return the tracker
	 */
	public CreditBalanceTracker tracker() {
		return this.tracker;
	}

	/**
	 * Returns the balance and total of the auth code.
	 * @return the balance
	 */
	public Mono<CreditBalance> balance() {
		return balance(CallOptions.defaults());
	}

	/**
	 * Returns the balance and total of the auth code, with per-call limits.
	 * @param options per-call time limits and retries
	 * @return the balance
	 */
	public Mono<CreditBalance> balance(CallOptions options) {
		return fetch(null, options);
	}

	/**
	 * Returns one page of usage records.
	 * @param cursor the {@code nextId} of the previous page, or {@code null} for the
	 * newest
	 * @param pageSize records per page
	 * @return the page
	 */
	public Mono<UsagePage> usagePage(@Nullable String cursor, int pageSize) {
		Assert.isTrue(pageSize > 0, "'pageSize' must be positive");
		return fetch(usageQuery(cursor, pageSize), CallOptions.defaults())
			.map((balance) -> (balance.usage() != null) ? balance.usage() : new UsagePage());
	}

	/**
	 * Returns every usage record, newest first, with the configured page size.
	 * @return the records
	 * @see #usage(int)
	 */
	public Flux<UsageRecord> usage() {
		return usage(this.defaultPageSize);
	}

	/**
	 * Returns every usage record, newest first. Pages are fetched one at a time as the
	 * subscriber requests more records, so {@code take(10)} fetches one page. Paging
	 * stops at an empty or repeated cursor or an empty page.
	 * @param pageSize records per page
	 * @return the records
	 */
	public Flux<UsageRecord> usage(int pageSize) {
		return Flux.defer(() -> recordsFrom(null, pageSize, new HashSet<>()));
	}

	private Flux<UsageRecord> recordsFrom(@Nullable String cursor, int pageSize, Set<String> seenCursors) {
		return usagePage(cursor, pageSize).flatMapMany((page) -> {
			Flux<UsageRecord> records = Flux.fromIterable(page.records());
			if (page.records().isEmpty() || !page.hasNext() || !seenCursors.add(page.nextId())) {
				return records;
			}
			return records.concatWith(Flux.defer(() -> recordsFrom(page.nextId(), pageSize, seenCursors)));
		});
	}

	private String usageQuery(@Nullable String cursor, int pageSize) {
		String query = "include_usage=true&pageSize=" + pageSize;
		if (cursor != null && !cursor.isEmpty()) {
			query += "&" + UriUtils.encodeQueryParam(this.cursorParameter, StandardCharsets.UTF_8) + "="
					+ UriUtils.encodeQueryParam(cursor, StandardCharsets.UTF_8);
		}
		return query;
	}

	private Mono<CreditBalance> fetch(@Nullable String query, CallOptions options) {
		GatewayRequest request = GatewayRequest.get(ApiFormat.CREDITS, ApiFormat.CREDITS.path(), query);
		return this.transport.<CreditsEnvelope>exchange(request, this.envelopeReader, options).flatMap((envelope) -> {
			if (envelope.data == null) {
				return Mono.error(new LiaobotsUnexpectedResponseException("Unexpected response from GET "
						+ ApiFormat.CREDITS.path() + ": no 'data' object in " + envelope,
						ErrorContext.of(ApiFormat.CREDITS, "GET", null), null));
			}
			this.tracker.record(envelope.data);
			return Mono.just(envelope.data);
		});
	}

	/**
	 * The wire form: {@code {"data": {...}}}.
	 */
	static final class CreditsEnvelope extends JsonModel {

		@Nullable CreditBalance data;

	}

}
