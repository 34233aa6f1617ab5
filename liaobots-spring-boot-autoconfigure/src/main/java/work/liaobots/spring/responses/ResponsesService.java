package work.liaobots.spring.responses;

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

/**
 * OpenAI Responses API through the gateway ({@code POST /v1/responses}, Bearer auth).
 * <p>
 * {@link #create} returns the whole response. {@link #stream} returns typed events as
 * they arrive and ends after {@code response.completed} or {@code response.incomplete}. A
 * {@code response.failed} or {@code error} event ends the stream with a
 * {@link work.liaobots.spring.error.LiaobotsStreamException} that carries what arrived
 * before it. The raw variants take and return JSON trees for anything the typed model
 * does not cover.
 */
public class ResponsesService {

	private final GatewayTransport transport;

	@Nullable private final String defaultModel;

	private final ObjectReader responseReader;

	private final ObjectReader eventReader;

	private final ObjectReader treeReader;

	/**
	 * Creates the service.
	 * @param transport the transport
	 * @param defaultModel the model used when a request names none, or {@code null}
	 */
	public ResponsesService(GatewayTransport transport, @Nullable String defaultModel) {
		this.transport = transport;
		this.defaultModel = defaultModel;
		this.responseReader = transport.mapper().readerFor(Response.class);
		this.eventReader = transport.mapper().readerFor(ResponseStreamEvent.class);
		this.treeReader = transport.mapper().readerFor(JsonNode.class);
	}

	/**
	 * Creates a response and returns it whole.
	 * @param request the request
	 * @return the response
	 */
	public Mono<Response> create(ResponseRequest request) {
		return create(request, CallOptions.defaults());
	}

	/**
	 * Creates a response with per-call limits and returns it whole.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the response
	 */
	public Mono<Response> create(ResponseRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.responseReader, options));
	}

	/**
	 * Streams a response. Fold the events with {@link ResponseAccumulator} to get the
	 * same object {@link #create} returns.
	 * @param request the request
	 * @return the events, ending after the terminal event
	 */
	public Flux<ResponseStreamEvent> stream(ResponseRequest request) {
		return stream(request, CallOptions.defaults());
	}

	/**
	 * Streams a response with per-call limits.
	 * @param request the request
	 * @param options per-call time limits and retries
	 * @return the events, ending after the terminal event
	 */
	public Flux<ResponseStreamEvent> stream(ResponseRequest request, CallOptions options) {
		return Mono.fromCallable(() -> prepare(request, true))
			.flatMapMany(
					(call) -> this.transport.stream(call, () -> new ResponsesStreamDecoder(this.eventReader), options));
	}

	/**
	 * Sends a request given as a JSON tree and returns the response tree.
	 * @param request the request body, whose {@code model} falls back to the default and
	 * whose {@code stream} is removed
	 * @return the response body
	 */
	public Mono<JsonNode> createRaw(ObjectNode request) {
		return Mono.fromCallable(() -> prepareRaw(request, false))
			.flatMap((call) -> this.transport.exchange(call, this.treeReader, CallOptions.defaults()));
	}

	/**
	 * Streams a request given as a JSON tree and returns each event as a tree.
	 * @param request the request body, whose {@code model} falls back to the default and
	 * whose {@code stream} is set
	 * @return the events, ending after the terminal event
	 */
	public Flux<JsonNode> streamRaw(ObjectNode request) {
		return Mono.fromCallable(() -> prepareRaw(request, true))
			.flatMapMany((call) -> this.transport.stream(call,
					() -> new JsonTreeStreamDecoder(this.treeReader, new RawResponsesRules()), CallOptions.defaults()));
	}

	private GatewayRequest prepare(ResponseRequest request, boolean streaming) {
		ResponseRequest prepared = request.toBuilder()
			.model(model(request.model()))
			.stream(streaming ? Boolean.TRUE : null)
			.build();
		return GatewayRequest.post(ApiFormat.RESPONSES, ApiFormat.RESPONSES.path(), this.transport.serialize(prepared),
				prepared.model(), streaming);
	}

	private GatewayRequest prepareRaw(ObjectNode request, boolean streaming) {
		ObjectNode body = request.deepCopy();
		body.put("model", model(body.path("model").asString(null)));
		if (streaming) {
			body.put("stream", true);
		}
		else {
			body.remove("stream");
		}
		return GatewayRequest.post(ApiFormat.RESPONSES, ApiFormat.RESPONSES.path(), this.transport.serialize(body),
				body.path("model").asString(), streaming);
	}

	private String model(@Nullable String requested) {
		return ModelNames.resolve(requested, this.defaultModel, "liaobots.responses.default-model");
	}

}
