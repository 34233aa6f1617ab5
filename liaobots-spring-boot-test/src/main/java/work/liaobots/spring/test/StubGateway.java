package work.liaobots.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process Liaobots gateway on 127.0.0.1 that speaks the real wire formats, for
 * offline tests and demos.
 * <p>
 * Each request is answered by, in order: a response queued for its route with
 * {@link #enqueue}, a responder set with {@link #respond}, or a canned reply (a realistic
 * answer in the route's format, streamed when the request asks for a stream). A canned
 * reply calls the first declared function when a request declares tools, and shows canned
 * thinking first when an Anthropic Messages or Gemini request asks for it. Every request
 * is recorded. Faults are scriptable per response (chunking, pauses, stalls, resets,
 * closes, error statuses) and per server ({@link #refuseConnections()}); several
 * instances can stand for several domains.
 *
 * <pre>{@code
 * try (StubGateway gateway = StubGateway.start()) {
 *     gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(429, "{}").header("Retry-After", "2"));
 *     // point liaobots.base-urls at gateway.baseUrl()
 * }
 * }</pre>
 */
public final class StubGateway implements AutoCloseable {

	/** The auth code the stub accepts until {@link #authcode(String)} sets another. */
	public static final String DEFAULT_AUTHCODE = "stub-authcode";

	private final Map<StubRoute, Queue<StubResponse>> queued = new EnumMap<>(StubRoute.class);

	private final Map<StubRoute, Function<RecordedRequest, StubResponse>> responders = new EnumMap<>(StubRoute.class);

	private final List<StubExchange> exchanges = new CopyOnWriteArrayList<>();

	private final CannedReplies canned = new CannedReplies();

	private final Object serverLock = new Object();

	private volatile int port;

	private volatile DisposableServer server;

	private volatile String authcode = DEFAULT_AUTHCODE;

	private volatile double balance = 85.5;

	private volatile double total = 100.0;

	private volatile List<ObjectNode> usageRecords = StubPayloads.usageRecords(137);

	private volatile String cursorParameter = "nextId";

	private volatile Duration idleTimeout;

	private final Set<Channel> openChannels = ConcurrentHashMap.newKeySet();

	private StubGateway() {
		for (StubRoute route : StubRoute.values()) {
			this.queued.put(route, new ConcurrentLinkedQueue<>());
		}
	}

	/**
	 * Starts a stub on a free port of 127.0.0.1.
	 * @return the running stub
	 */
	public static StubGateway start() {
		return start(0);
	}

	/**
	 * Starts a stub on a given port of 127.0.0.1.
	 * @param port the port, or 0 for a free one
	 * @return the running stub
	 */
	public static StubGateway start(int port) {
		StubGateway gateway = new StubGateway();
		gateway.bind(port);
		return gateway;
	}

	/**
	 * Returns the base URL to put in {@code liaobots.base-urls}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Returns the auth code the stub accepts.
	 * @return the auth code
	 */
	public String authcode() {
		return this.authcode;
	}

	/**
	 * Sets the auth code the stub accepts; a request with another answers 401 in its
	 * format's error shape.
	 * @param authcode the accepted auth code
	 * @return this stub
	 */
	public StubGateway authcode(String authcode) {
		this.authcode = authcode;
		return this;
	}

	/**
	 * Returns the properties that point the starter at this stub.
	 * @return {@code liaobots.base-urls} and {@code liaobots.authcode}
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("liaobots.base-urls", baseUrl().toString());
		properties.put("liaobots.authcode", this.authcode);
		return properties;
	}

	/**
	 * Returns {@link #properties()} as {@code key=value} strings for context runners.
	 * @return the property pairs
	 */
	public String[] propertyPairs() {
		return properties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Queues a response for the next request on a route.
	 * @param route the route
	 * @param response the response
	 * @return this stub
	 */
	public StubGateway enqueue(StubRoute route, StubResponse response) {
		this.queued.get(route).add(response);
		return this;
	}

	/**
	 * Answers every request on a route that has no queued response.
	 * @param route the route
	 * @param responder computes the response from the request
	 * @return this stub
	 */
	public StubGateway respond(StubRoute route, Function<RecordedRequest, StubResponse> responder) {
		this.responders.put(route, responder);
		return this;
	}

	/**
	 * Sets the text of canned answers.
	 * @param text the answer text
	 * @return this stub
	 */
	public StubGateway replyText(String text) {
		this.canned.replyText(text);
		return this;
	}

	/**
	 * Sets the pause between the tokens of canned streamed answers.
	 * @param delay the pause, zero for none
	 * @return this stub
	 */
	public StubGateway tokenDelay(Duration delay) {
		this.canned.tokenDelay(delay);
		return this;
	}

	/**
	 * Sets the balance and total the credits endpoint reports.
	 * @param balance the balance
	 * @param total the total received
	 * @return this stub
	 */
	public StubGateway credits(double balance, double total) {
		this.balance = balance;
		this.total = total;
		return this;
	}

	/**
	 * Replaces the usage records the credits endpoint pages through, newest first.
	 * @param records the records as the gateway lists them
	 * @return this stub
	 */
	public StubGateway usageRecords(List<ObjectNode> records) {
		this.usageRecords = List.copyOf(records);
		return this;
	}

	/**
	 * Sets the query parameter the credits endpoint reads the cursor from.
	 * @param name the parameter name
	 * @return this stub
	 */
	public StubGateway cursorParameter(String name) {
		this.cursorParameter = name;
		return this;
	}

	/**
	 * Returns every exchange so far, oldest first.
	 * @return the exchanges
	 */
	public List<StubExchange> exchanges() {
		return Collections.unmodifiableList(this.exchanges);
	}

	/**
	 * Returns every request so far, oldest first.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return this.exchanges.stream().map(StubExchange::request).toList();
	}

	/**
	 * Returns the requests on one route.
	 * @param route the route
	 * @return the requests
	 */
	public List<RecordedRequest> requests(StubRoute route) {
		return requests().stream().filter((request) -> request.route() == route).toList();
	}

	/**
	 * Returns how many requests the stub received.
	 * @return the count
	 */
	public int requestCount() {
		return this.exchanges.size();
	}

	/**
	 * Forgets recorded requests, queued responses and responders, and restores the
	 * defaults.
	 */
	public void reset() {
		this.exchanges.clear();
		this.queued.values().forEach(Queue::clear);
		this.responders.clear();
		this.canned.replyText(new CannedReplies().replyText());
		this.canned.tokenDelay(Duration.ZERO);
		this.authcode = DEFAULT_AUTHCODE;
		this.balance = 85.5;
		this.total = 100.0;
		this.usageRecords = StubPayloads.usageRecords(137);
		this.cursorParameter = "nextId";
	}

	/**
	 * Stops listening, so connections to the port are refused, as with a domain that is
	 * down. Open connections, idle keep-alive ones included, are closed too.
	 */
	public void refuseConnections() {
		synchronized (this.serverLock) {
			if (this.server != null) {
				this.server.disposeNow(Duration.ofSeconds(5));
				this.server = null;
			}
			// Wait for the closes: a request that reached an open channel before its
			// close ran
			// would otherwise still be answered after this method returned.
			List<ChannelFuture> closes = this.openChannels.stream().map(Channel::close).toList();
			closes.forEach((close) -> close.awaitUninterruptibly(5, TimeUnit.SECONDS));
			this.openChannels.clear();
		}
	}

	/**
	 * Listens again on the same port after {@link #refuseConnections()}.
	 */
	public void acceptConnections() {
		synchronized (this.serverLock) {
			if (this.server == null) {
				bind(this.port);
			}
		}
	}

	/**
	 * Closes keep-alive connections that stay idle longer than {@code timeout}, as a load
	 * balancer does; restarts listening on the same port.
	 * @param timeout the idle time after which the server closes a connection
	 * @return this stub
	 */
	public StubGateway closeIdleConnectionsAfter(Duration timeout) {
		synchronized (this.serverLock) {
			this.idleTimeout = timeout;
			refuseConnections();
			bind(this.port);
		}
		return this;
	}

	@Override
	public void close() {
		refuseConnections();
	}

	private void bind(int requestedPort) {
		HttpServer httpServer = HttpServer.create()
			.host("127.0.0.1")
			.port(requestedPort)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.doOnChannelInit((observer, channel, remoteAddress) -> track(channel))
			.handle(this::handle);
		if (this.idleTimeout != null) {
			httpServer = httpServer.idleTimeout(this.idleTimeout);
		}
		this.server = httpServer.bindNow(Duration.ofSeconds(10));
		this.port = this.server.port();
	}

	/**
	 * Remembers an accepted connection until it closes, so {@link #refuseConnections()}
	 * can close it. The channel is tracked, not the HTTP exchange, because an exchange
	 * ends with its response while a keep-alive connection stays open for the next
	 * request.
	 */
	private void track(Channel channel) {
		this.openChannels.add(channel);
		channel.closeFuture().addListener((future) -> this.openChannels.remove(channel));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			RecordedRequest recorded = record(request, body);
			StubExchange exchange = new StubExchange(recorded);
			this.exchanges.add(exchange);
			response.withConnection((connection) -> connection.onDispose(exchange::connectionClosed));
			return send(response, exchange, choose(recorded));
		});
	}

	private RecordedRequest record(HttpServerRequest request, byte[] body) {
		String uri = request.uri();
		int question = uri.indexOf('?');
		String path = (question >= 0) ? uri.substring(0, question) : uri;
		String query = (question >= 0) ? uri.substring(question + 1) : "";
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((entry) -> headers
				.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
				.add(entry.getValue()));
		return new RecordedRequest(StubRoute.of(path), request.method().name(), path, query, headers, body,
				Instant.now());
	}

	private StubResponse choose(RecordedRequest request) {
		StubRoute route = request.route();
		if (route == null) {
			return StubResponse.json(404,
					StubPayloads.openAiError("not_found_error", "No route for " + request.path()));
		}
		StubResponse queuedResponse = this.queued.get(route).poll();
		if (queuedResponse != null) {
			return queuedResponse;
		}
		if (!isAuthorized(request)) {
			return unauthorized(route);
		}
		Function<RecordedRequest, StubResponse> responder = this.responders.get(route);
		if (responder != null) {
			return responder.apply(request);
		}
		return cannedReply(route, request);
	}

	private boolean isAuthorized(RecordedRequest request) {
		String expected = this.authcode;
		return ("Bearer " + expected).equals(request.header("authorization"))
				|| expected.equals(request.header("x-api-key")) || expected.equals(request.header("x-goog-api-key"));
	}

	/**
	 * Rejects a request in the error shape of its format.
	 */
	private StubResponse unauthorized(StubRoute route) {
		String message = "Invalid auth code provided. You can find your auth code in your Liaobots account.";
		return switch (route) {
			case MESSAGES ->
				StubResponse.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\""
						+ message + "\"},\"request_id\":\"req_stub_401\"}");
			case GEMINI_GENERATE, GEMINI_STREAM -> StubResponse.json(401,
					"{\"error\":{\"code\":401,\"message\":\"" + message + "\",\"status\":\"UNAUTHENTICATED\"}}");
			default -> StubResponse.json(401, StubPayloads.openAiError("invalid_request_error", message));
		};
	}

	private StubResponse cannedReply(StubRoute route, RecordedRequest request) {
		return switch (route) {
			case CREDITS -> creditsReply(request);
			case CHAT_COMPLETIONS -> this.canned.chatCompletions(request);
			case MESSAGES -> MessagesCannedReplies.reply(request, this.canned.replyText(), this.canned.tokenDelay());
			case RESPONSES -> ResponsesCannedReplies.reply(request, this.canned.replyText(), this.canned.tokenDelay());
			case GEMINI_GENERATE, GEMINI_STREAM ->
				GeminiCannedReplies.reply(request, this.canned.replyText(), this.canned.tokenDelay());
		};
	}

	private StubResponse creditsReply(RecordedRequest request) {
		ObjectNode body = StubPayloads.MAPPER.createObjectNode();
		ObjectNode data = body.putObject("data").put("balance", this.balance).put("amount", this.total);
		if ("true".equals(request.queryParameter("include_usage"))) {
			data.set("usage", usagePage(request));
		}
		return StubResponse.json(body.toString());
	}

	/**
	 * Pages the usage records: a page starts at the record whose id equals the cursor,
	 * and the next cursor is the id of the record after the page, or empty on the last
	 * page.
	 */
	private ObjectNode usagePage(RecordedRequest request) {
		int pageSize = parseInt(request.queryParameter("pageSize"), 50);
		String cursor = request.queryParameter(this.cursorParameter);
		List<ObjectNode> records = this.usageRecords;
		int start = 0;
		if (cursor != null && !cursor.isEmpty()) {
			long cursorId = Long.parseLong(java.net.URLDecoder.decode(cursor, StandardCharsets.UTF_8));
			while (start < records.size() && records.get(start).path("id").asLong() > cursorId) {
				start++;
			}
		}
		int end = Math.min(records.size(), start + pageSize);
		ObjectNode usage = StubPayloads.MAPPER.createObjectNode().put("pageSize", pageSize);
		usage.put("nextId", (end < records.size()) ? String.valueOf(records.get(end).path("id").asLong()) : "");
		ArrayNode list = usage.putArray("list");
		records.subList(start, end).forEach(list::add);
		return usage;
	}

	private static int parseInt(String value, int fallback) {
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private Mono<Void> send(HttpServerResponse response, StubExchange exchange, StubResponse stub) {
		if (stub.closesBeforeResponse()) {
			return Mono.fromRunnable(() -> response.withConnection((connection) -> connection.channel().close()))
				.then(Mono.never());
		}
		if (stub.sendsNothing()) {
			return Mono.never();
		}
		response.status(HttpResponseStatus.valueOf(stub.status()));
		stub.headers().forEach(response::header);
		Mono<Void> delay = stub.headerDelay().isZero() ? Mono.empty() : Mono.delay(stub.headerDelay()).then();
		if (stub.isSingleWrite()) {
			byte[] body = stub.bodyBytes();
			response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
			return delay
				.then(response.sendByteArray(Mono.just(body)).then().doOnSuccess((done) -> exchange.sent(body.length)));
		}
		Flux<ByteBuf> writes = Flux.fromIterable(stub.networkWrites())
			.concatMap((write) -> write.pauseBefore().isZero() ? Mono.just(write)
					: Mono.delay(write.pauseBefore()).thenReturn(write))
			.map((write) -> {
				exchange.sent(write.bytes().length);
				return Unpooled.wrappedBuffer(write.bytes());
			})
			.concatWith(ending(response, stub.ending()));
		// Streams flush their headers at once, as gateways do, so a pause before the
		// first write is a pause after the headers.
		return delay.then(Mono.from(response.sendHeaders())).then(response.send(writes, (buffer) -> true).then());
	}

	private static Flux<ByteBuf> ending(HttpServerResponse response, StubResponse.Ending ending) {
		return switch (ending) {
			case COMPLETE -> Flux.empty();
			case KEEP_OPEN -> Flux.never();
			case CLOSE ->
				Mono.<ByteBuf>fromRunnable(() -> response.withConnection(StubGateway::close)).concatWith(Flux.never());
			case RESET ->
				Mono.<ByteBuf>fromRunnable(() -> response.withConnection(StubGateway::reset)).concatWith(Flux.never());
		};
	}

	private static void close(Connection connection) {
		connection.channel().eventLoop().execute(() -> connection.channel().close());
	}

	private static void reset(Connection connection) {
		connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
		connection.channel().eventLoop().execute(() -> connection.channel().close());
	}

}
