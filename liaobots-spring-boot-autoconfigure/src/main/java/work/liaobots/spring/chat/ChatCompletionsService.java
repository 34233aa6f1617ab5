package work.liaobots.spring.chat;

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
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * OpenAI Chat Completions through the gateway ({@code POST /v1/chat/completions}, Bearer
 * auth).
 * <p>
 * {@link #create} returns the whole completion; {@link #stream} returns chunks as they
 * arrive and always asks for the closing usage chunk. The raw variants take and return
 * JSON trees for anything the typed model does not cover.
 */
public class ChatCompletionsService {

	private static final ChatCompletionRequest.StreamOptions INCLUDE_USAGE = new ChatCompletionRequest.StreamOptions(
			true, null);

	private final GatewayTransport transport;

	@Nullable private final String defaultModel;

	private final ObjectReader completionReader;

	private final ObjectReader chunkReader;

	private final ObjectReader treeReader;

	/**
	 * Creates the service.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 */
	public ChatCompletionsService(GatewayTransport transport, @Nullable String defaultModel) {
		this.transport = transport;
		this.defaultModel = defaultModel;
		this.completionReader = transport.mapper().readerFor(ChatCompletion.class);
		this.chunkReader = transport.mapper().readerFor(ChatCompletionChunk.class);
		this.treeReader = transport.mapper().readerFor(JsonNode.class);
	}

	/**
	 * Creates a completion and returns it whole.
	 * @param request the request
	 * @return the completion
	 */
	public Mono<ChatCompletion> create(ChatCompletionRequest request) {
		return create(request, CallOptions.defaults());
	}

	/**
	 * Creates a completion with per-call limits and returns it whole.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the completion
	 */
	public Mono<ChatCompletion> create(ChatCompletionRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.completionReader, options));
	}

	/**
	 * Streams a completion. Fold the chunks with {@link ChatCompletionAccumulator} to get
	 * the same object {@link #create} returns.
	 * @param request the request
	 * @return the chunks, ending after {@code [DONE]}
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return stream(request, CallOptions.defaults());
	}

	/**
	 * Streams a completion with per-call limits.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the chunks, ending after {@code [DONE]}
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, true))
			.flatMapMany((call) -> this.transport.stream(call, () -> new ChatStreamDecoder(this.chunkReader), options));
	}

	/**
	 * Sends a request given as a JSON tree and returns the response tree.
	 * @param request the request body; {@code model} falls back to the default
	 * @return the response body
	 */
	public Mono<JsonNode> createRaw(ObjectNode request) {
		return Mono.fromCallable(() -> prepareRaw(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.treeReader, CallOptions.defaults()));
	}

	/**
	 * Streams a request given as a JSON tree and returns each chunk as a tree.
	 * @param request the request body; {@code stream} is set and usage is requested
	 * @return the chunks, ending after {@code [DONE]}
	 */
	public Flux<JsonNode> streamRaw(ObjectNode request) {
		return Mono.fromCallable(() -> prepareRaw(request, true))
			.flatMapMany((call) -> this.transport.stream(call, this::rawDecoder, CallOptions.defaults()));
	}

	private GatewayRequest prepare(ChatCompletionRequest request, boolean streaming) {
		ChatCompletionRequest.Builder builder = request.toBuilder().model(model(request.model()));
		if (streaming) {
			builder.stream(true).streamOptions(withUsage(request.streamOptions()));
		}
		else {
			builder.stream(null).streamOptions(null);
		}
		ChatCompletionRequest prepared = builder.build();
		return GatewayRequest.post(ApiFormat.CHAT_COMPLETIONS, ApiFormat.CHAT_COMPLETIONS.path(),
				this.transport.serialize(prepared), prepared.model(), streaming);
	}

	private GatewayRequest prepareRaw(ObjectNode request, boolean streaming) {
		ObjectNode body = request.deepCopy();
		body.put("model", model(body.path("model").asString(null)));
		if (streaming) {
			body.put("stream", true);
			ObjectNode streamOptions = body.withObjectProperty("stream_options");
			streamOptions.put("include_usage", true);
		}
		return GatewayRequest.post(ApiFormat.CHAT_COMPLETIONS, ApiFormat.CHAT_COMPLETIONS.path(),
				this.transport.serialize(body), body.path("model").asString(), streaming);
	}

	private JsonTreeStreamDecoder rawDecoder() {
		return new JsonTreeStreamDecoder(this.treeReader, new JsonTreeStreamDecoder.Rules() {

			@Override
			@Nullable public StreamErrorEvent error(JsonNode event, @Nullable String type) {
				return rawError(event);
			}

			@Override
			public boolean isComplete(JsonNode event, @Nullable String type) {
				return hasFinishReason(event);
			}

		});
	}

	@Nullable private static StreamErrorEvent rawError(JsonNode event) {
		JsonNode error = event.get("error");
		if (error == null || error.isNull()) {
			return null;
		}
		String type = error.path("type").asString(error.path("code").asString(null));
		return new StreamErrorEvent(type, error.path("message").asString(error.toString()),
				StreamErrorEvent.isTransient(type));
	}

	private static boolean hasFinishReason(JsonNode event) {
		for (JsonNode choice : event.path("choices")) {
			String reason = choice.path("finish_reason").asString("");
			if (!reason.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static ChatCompletionRequest.StreamOptions withUsage(
			ChatCompletionRequest.@Nullable StreamOptions options) {
		return (options == null) ? INCLUDE_USAGE
				: new ChatCompletionRequest.StreamOptions(true, options.includeObfuscation());
	}

	private String model(@Nullable String requested) {
		return ModelNames.resolve(requested, this.defaultModel, "liaobots.chat.default-model");
	}

}
