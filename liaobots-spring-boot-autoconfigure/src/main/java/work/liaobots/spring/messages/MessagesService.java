package work.liaobots.spring.messages;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.transport.ApiFormat;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayRequest;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.ModelNames;
import work.liaobots.spring.transport.JsonTreeStreamDecoder;
import work.liaobots.spring.transport.SseData;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Anthropic Messages through the gateway ({@code POST /v1/messages}, auth code in
 * {@code x-api-key}, API version in {@code anthropic-version}).
 * <p>
 * {@link #create} returns the whole message, and {@link #stream} returns events as they
 * arrive. The API requires {@code max_tokens}, so a request without it gets the
 * configured default. The raw variants take and return JSON trees for anything the typed
 * model does not cover.
 */
public class MessagesService {

	/** The {@code anthropic-version} the gateway documents. */
	public static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

	/**
	 * The {@code max_tokens} used when a request and the configuration set none: the
	 * output limit of Claude 3 Haiku (4,096 tokens, per
	 * https://vercel.com/ai-gateway/models/claude-3-haiku). Newer models allow more, so
	 * old and new models alike accept this default.
	 */
	public static final int DEFAULT_MAX_TOKENS = 4096;

	private static final String VERSION_HEADER = "anthropic-version";

	private final GatewayTransport transport;

	@Nullable private final String defaultModel;

	@Nullable private final Integer defaultMaxTokens;

	private final Map<String, String> headers;

	private final ObjectReader messageReader;

	private final ObjectReader eventReader;

	private final ObjectReader treeReader;

	/**
	 * Creates the service with the default {@code max_tokens} and API version.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 */
	public MessagesService(GatewayTransport transport, @Nullable String defaultModel) {
		this(transport, defaultModel, DEFAULT_MAX_TOKENS, DEFAULT_ANTHROPIC_VERSION);
	}

	/**
	 * Creates the service.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 * @param defaultMaxTokens the {@code max_tokens} used when a request sets none, or
	 * {@code null} to require it on every request
	 * @param anthropicVersion the {@code anthropic-version} header, or {@code null} for
	 * {@value #DEFAULT_ANTHROPIC_VERSION}
	 */
	public MessagesService(GatewayTransport transport, @Nullable String defaultModel,
			@Nullable Integer defaultMaxTokens, @Nullable String anthropicVersion) {
		if (defaultMaxTokens != null && defaultMaxTokens < 1) {
			throw new IllegalArgumentException("Invalid 'liaobots.messages.default-max-tokens': " + defaultMaxTokens
					+ "; set a value of at least 1");
		}
		this.transport = transport;
		this.defaultModel = defaultModel;
		this.defaultMaxTokens = defaultMaxTokens;
		String version = (anthropicVersion != null && !anthropicVersion.isBlank()) ? anthropicVersion
				: DEFAULT_ANTHROPIC_VERSION;
		this.headers = Map.of(VERSION_HEADER, version);
		this.messageReader = transport.mapper().readerFor(Message.class);
		this.eventReader = transport.mapper().readerFor(MessageStreamEvent.class);
		this.treeReader = transport.mapper().readerFor(JsonNode.class);
	}

	/**
	 * Creates a message and returns it whole.
	 * @param request the request
	 * @return the message
	 */
	public Mono<Message> create(MessageRequest request) {
		return create(request, CallOptions.defaults());
	}

	/**
	 * Creates a message with per-call limits and returns it whole.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the message
	 */
	public Mono<Message> create(MessageRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.messageReader, options));
	}

	/**
	 * Streams a message. Fold the events with {@link MessageAccumulator} to get the same
	 * object {@link #create} returns.
	 * @param request the request
	 * @return the events, ending after {@code message_stop}
	 */
	public Flux<MessageStreamEvent> stream(MessageRequest request) {
		return stream(request, CallOptions.defaults());
	}

	/**
	 * Streams a message with per-call limits.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the events, ending after {@code message_stop}
	 */
	public Flux<MessageStreamEvent> stream(MessageRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, true))
			.flatMapMany(
					(call) -> this.transport.stream(call, () -> new MessagesStreamDecoder(this.eventReader), options));
	}

	/**
	 * Sends a request given as a JSON tree and returns the response tree.
	 * @param request the request body, whose {@code model} and {@code max_tokens} fall
	 * back to the defaults and whose {@code stream} is removed
	 * @return the response body
	 */
	public Mono<JsonNode> createRaw(ObjectNode request) {
		return Mono.fromCallable(() -> prepareRaw(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.treeReader, CallOptions.defaults()));
	}

	/**
	 * Streams a request given as a JSON tree and returns each event as a tree, without
	 * {@code ping} events. Events are recognised by their data's {@code type} field only.
	 * @param request the request body, whose {@code model} and {@code max_tokens} fall
	 * back to the defaults and whose {@code stream} is set
	 * @return the events, ending after {@code message_stop}
	 */
	public Flux<JsonNode> streamRaw(ObjectNode request) {
		return Mono.fromCallable(() -> prepareRaw(request, true))
			.flatMapMany((call) -> this.transport.stream(call, this::rawDecoder, CallOptions.defaults()));
	}

	private GatewayRequest prepare(MessageRequest request, boolean streaming) {
		MessageRequest prepared = request.toBuilder()
			.model(model(request.model()))
			.maxTokens(maxTokens(request.maxTokens()))
			.stream(streaming ? Boolean.TRUE : null)
			.build();
		return post(this.transport.serialize(prepared), prepared.model(), streaming);
	}

	private GatewayRequest prepareRaw(ObjectNode request, boolean streaming) {
		ObjectNode body = request.deepCopy();
		String model = model(body.path("model").asString(null));
		body.put("model", model);
		JsonNode maxTokens = body.get("max_tokens");
		if (maxTokens == null || maxTokens.isNull()) {
			body.put("max_tokens", maxTokens(null));
		}
		if (streaming) {
			body.put("stream", true);
		}
		else {
			body.remove("stream");
		}
		return post(this.transport.serialize(body), model, streaming);
	}

	private GatewayRequest post(byte[] body, String model, boolean streaming) {
		return GatewayRequest.post(ApiFormat.MESSAGES, ApiFormat.MESSAGES.path(), body, model, streaming)
			.withHeaders(this.headers);
	}

	private JsonTreeStreamDecoder rawDecoder() {
		return new JsonTreeStreamDecoder(this.treeReader, new RawRules());
	}

	private String model(@Nullable String requested) {
		return ModelNames.resolve(requested, this.defaultModel, "liaobots.messages.default-model");
	}

	private int maxTokens(@Nullable Integer requested) {
		if (requested != null) {
			return requested;
		}
		if (this.defaultMaxTokens == null) {
			throw new IllegalArgumentException(
					"No max_tokens: set 'maxTokens' on the request or 'liaobots.messages.default-max-tokens'");
		}
		return this.defaultMaxTokens;
	}

	/**
	 * Rules of a raw Messages stream. Dispatch is on the type, which falls back to the
	 * SSE event name; {@code ping} keep-alives are dropped after their bytes counted as
	 * activity for the idle limit.
	 */
	private static final class RawRules implements JsonTreeStreamDecoder.Rules {

		@Override
		@Nullable public StreamErrorEvent error(JsonNode event, @Nullable String type) {
			JsonNode error = event.get("error");
			boolean untypedError = type == null && error != null && error.isObject();
			if (!"error".equals(type) && !untypedError) {
				return null;
			}
			String errorType = (error != null) ? error.path("type").asString(null) : null;
			String message = (error != null) ? error.path("message").asString(event.toString()) : event.toString();
			return new StreamErrorEvent(errorType, message, StreamErrorEvent.isTransient(errorType));
		}

		@Override
		public boolean isTerminal(JsonNode event, @Nullable String type) {
			return "message_stop".equals(type);
		}

		@Override
		public boolean isComplete(JsonNode event, @Nullable String type) {
			return "message_delta".equals(type) && !event.path("delta").path("stop_reason").asString("").isEmpty();
		}

		@Override
		public boolean isHidden(JsonNode event, @Nullable String type) {
			return "ping".equals(type);
		}

	}

}
