package work.liaobots.spring.gemini;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.Base64Variants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriUtils;

import work.liaobots.spring.transport.ApiFormat;
import work.liaobots.spring.transport.CallOptions;
import work.liaobots.spring.transport.GatewayRequest;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.JsonTreeStreamDecoder;
import work.liaobots.spring.transport.ModelNames;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Gemini native generation through the gateway: {@code POST
 * /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent?alt=sse},
 * with the auth code in {@code x-goog-api-key}.
 * <p>
 * The model goes in the URL path. Typed calls take it from
 * {@link GenerateContentRequest#model()}, raw calls from a top-level {@code model} field
 * that is removed from the body before sending. Either way it falls back to the default
 * model given to the constructor. {@link #create} returns the whole response,
 * {@link #stream} returns chunks as they arrive, and {@link #generateImage} requests text
 * and an image from an image model.
 */
public class GeminiService {

	/** The image model used when none is configured. */
	public static final String DEFAULT_IMAGE_MODEL = "gemini-3-pro-image-preview";

	private static final String GENERATE = ":generateContent";

	private static final String STREAM_GENERATE = ":streamGenerateContent";

	/**
	 * Query that selects server-sent events. Without it Gemini streams one JSON array.
	 */
	private static final String SSE_QUERY = "alt=sse";

	private static final String MODEL_PREFIX = "models/";

	private final GatewayTransport transport;

	@Nullable private final String defaultModel;

	private final String imageModel;

	private final ImageOptions imageDefaults;

	private final ObjectReader responseReader;

	private final ObjectReader urlSafeResponseReader;

	private final ObjectReader treeReader;

	/**
	 * Creates the service with the default image model.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 */
	public GeminiService(GatewayTransport transport, @Nullable String defaultModel) {
		this(transport, defaultModel, null);
	}

	/**
	 * Creates the service.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 * @param imageModel the model {@link #generateImage} uses when its options name none,
	 * or {@code null} for {@value #DEFAULT_IMAGE_MODEL}
	 */
	public GeminiService(GatewayTransport transport, @Nullable String defaultModel, @Nullable String imageModel) {
		this(transport, defaultModel, imageModel, ImageOptions.defaults());
	}

	/**
	 * Creates the service with image defaults.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 * @param imageModel the model {@link #generateImage} uses when its options name none,
	 * or {@code null} for {@value #DEFAULT_IMAGE_MODEL}
	 * @param imageDefaults the aspect ratio and size {@link #generateImage} uses when its
	 * options set none; their model is ignored in favour of {@code imageModel}
	 */
	public GeminiService(GatewayTransport transport, @Nullable String defaultModel, @Nullable String imageModel,
			ImageOptions imageDefaults) {
		this.imageDefaults = imageDefaults;
		this.transport = transport;
		this.defaultModel = defaultModel;
		this.imageModel = (imageModel != null && !imageModel.isBlank()) ? imageModel : DEFAULT_IMAGE_MODEL;
		this.responseReader = transport.mapper().readerFor(GenerateContentResponse.class);
		this.urlSafeResponseReader = this.responseReader.with(Base64Variants.MODIFIED_FOR_URL);
		this.treeReader = transport.mapper().readerFor(JsonNode.class);
	}

	/**
	 * Generates content and returns the whole response.
	 * @param request the request
	 * @return the response
	 */
	public Mono<GenerateContentResponse> create(GenerateContentRequest request) {
		return create(request, CallOptions.defaults());
	}

	/**
	 * Generates content with per-call limits and returns the whole response.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the response
	 */
	public Mono<GenerateContentResponse> create(GenerateContentRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, false))
			.flatMap((call) -> this.transport.exchange(call, List.of(this.responseReader, this.urlSafeResponseReader),
					options));
	}

	/**
	 * Streams generated content. Fold the chunks with {@link GeminiAccumulator} to get
	 * the same object {@link #create} returns.
	 * @param request the request
	 * @return the chunks, ending with the body
	 */
	public Flux<GenerateContentResponse> stream(GenerateContentRequest request) {
		return stream(request, CallOptions.defaults());
	}

	/**
	 * Streams generated content with per-call limits. A server that keeps the connection
	 * open after the last chunk ends the stream normally once the idle limit passes.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the chunks, ending with the body
	 */
	public Flux<GenerateContentResponse> stream(GenerateContentRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, true))
			.flatMapMany((call) -> this.transport.stream(call, this::decoder, options));
	}

	/**
	 * Requests an image from the image model and returns the whole response. Read the
	 * image with {@link GenerateContentResponse#images()}.
	 * @param prompt what to draw
	 * @return the response, with text and image parts
	 */
	public Mono<GenerateContentResponse> generateImage(String prompt) {
		return generateImage(prompt, ImageOptions.defaults());
	}

	/**
	 * Requests an image of a given shape and resolution from an image model.
	 * @param prompt what to draw
	 * @param options the model, aspect ratio and resolution
	 * @return the response, with text and image parts
	 */
	public Mono<GenerateContentResponse> generateImage(String prompt, ImageOptions options) {
		return generateImage(prompt, options, CallOptions.defaults());
	}

	/**
	 * Requests an image from an image model with per-call limits.
	 * @param prompt what to draw
	 * @param options the model, aspect ratio and resolution
	 * @param callOptions per-call time limits and retries
	 * @return the response, with text and image parts
	 */
	public Mono<GenerateContentResponse> generateImage(String prompt, ImageOptions options, CallOptions callOptions) {
		return Mono.fromCallable(() -> imageRequest(prompt, options))
			.flatMap((request) -> create(request, callOptions));
	}

	/**
	 * Sends a request given as a JSON tree and returns the response tree. Inline media
	 * stay base64 strings in the tree.
	 * @param request the request body, whose top-level {@code model} field names the
	 * model and is not sent
	 * @return the response body
	 */
	public Mono<JsonNode> createRaw(ObjectNode request) {
		return createRaw(request, CallOptions.defaults());
	}

	/**
	 * Sends a request given as a JSON tree with per-call limits.
	 * @param request the request body, whose top-level {@code model} field names the
	 * model and is not sent
	 * @param options per-call time limits and retries
	 * @return the response body
	 */
	public Mono<JsonNode> createRaw(ObjectNode request, CallOptions options) {
		return Mono.fromCallable(() -> prepareRaw(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.treeReader, options));
	}

	/**
	 * Streams a request given as a JSON tree and returns each chunk as a tree.
	 * @param request the request body, whose top-level {@code model} field names the
	 * model and is not sent
	 * @return the chunks, ending with the body
	 */
	public Flux<JsonNode> streamRaw(ObjectNode request) {
		return streamRaw(request, CallOptions.defaults());
	}

	/**
	 * Streams a request given as a JSON tree with per-call limits.
	 * @param request the request body, whose top-level {@code model} field names the
	 * model and is not sent
	 * @param options per-call time limits and retries
	 * @return the chunks, ending with the body
	 */
	public Flux<JsonNode> streamRaw(ObjectNode request, CallOptions options) {
		return Mono.fromCallable(() -> prepareRaw(request, true))
			.flatMapMany((call) -> this.transport.stream(call, this::rawDecoder, options));
	}

	private GatewayRequest prepare(GenerateContentRequest request, boolean streaming) {
		String model = model(request.model(), this.defaultModel, "liaobots.gemini.default-model");
		return call(model, this.transport.serialize(request), streaming);
	}

	private GatewayRequest prepareRaw(ObjectNode request, boolean streaming) {
		ObjectNode body = request.deepCopy();
		JsonNode requested = body.remove("model");
		String model = model((requested != null) ? requested.asString(null) : null, this.defaultModel,
				"liaobots.gemini.default-model");
		return call(model, this.transport.serialize(body), streaming);
	}

	private GenerateContentRequest imageRequest(String prompt, ImageOptions options) {
		GenerationConfig.Builder config = GenerationConfig.builder().responseModalities(Modality.TEXT, Modality.IMAGE);
		AspectRatio aspectRatio = (options.aspectRatio() != null) ? options.aspectRatio()
				: this.imageDefaults.aspectRatio();
		ImageSize imageSize = (options.imageSize() != null) ? options.imageSize() : this.imageDefaults.imageSize();
		if (aspectRatio != null || imageSize != null) {
			config.imageConfig(ImageConfig.of(aspectRatio, imageSize));
		}
		return GenerateContentRequest.builder()
			.model(model(options.model(), this.imageModel, "liaobots.gemini.image-model"))
			.userText(prompt)
			.generationConfig(config.build())
			.build();
	}

	/**
	 * Builds the call: the model is one path segment, so characters such as {@code /} are
	 * percent-encoded, and a stream always requests server-sent events.
	 */
	private static GatewayRequest call(String model, byte[] body, boolean streaming) {
		String path = ApiFormat.GEMINI.path() + "/" + UriUtils.encodePathSegment(model, StandardCharsets.UTF_8)
				+ (streaming ? STREAM_GENERATE : GENERATE);
		GatewayRequest call = GatewayRequest.post(ApiFormat.GEMINI, path, body, model, streaming);
		return streaming ? call.withQuery(SSE_QUERY) : call;
	}

	private GeminiStreamDecoder decoder() {
		return new GeminiStreamDecoder(this.responseReader, this.urlSafeResponseReader);
	}

	private JsonTreeStreamDecoder rawDecoder() {
		return new JsonTreeStreamDecoder(this.treeReader, new JsonTreeStreamDecoder.Rules() {

			@Override
			@Nullable public StreamErrorEvent error(JsonNode event, @Nullable String type) {
				return rawError(event);
			}

			@Override
			public boolean isComplete(JsonNode event, @Nullable String type) {
				return isRawComplete(event);
			}

		});
	}

	@Nullable private static StreamErrorEvent rawError(JsonNode event) {
		JsonNode error = event.get("error");
		if (error == null || !error.isObject()) {
			return null;
		}
		String type = error.path("status").asString(error.path("code").asString(null));
		return new StreamErrorEvent(type, error.path("message").asString(error.toString()),
				StreamErrorEvent.isTransient(type));
	}

	private static boolean isRawComplete(JsonNode event) {
		for (JsonNode candidate : event.path("candidates")) {
			if (!candidate.path("finishReason").asString("").isEmpty()) {
				return true;
			}
		}
		boolean blocked = !event.path("promptFeedback").path("blockReason").asString("").isEmpty();
		return blocked && event.path("candidates").isEmpty();
	}

	/**
	 * Returns the requested model without a {@code models/} prefix, or the fallback.
	 */
	private static String model(@Nullable String requested, @Nullable String fallback, String property) {
		String model = ModelNames.resolve(requested, fallback, property);
		return model.startsWith(MODEL_PREFIX) ? model.substring(MODEL_PREFIX.length()) : model;
	}

}
