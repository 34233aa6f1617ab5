package work.liaobots.spring.responses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Folds stream events into the {@link Response} a non-streaming call returns.
 * <p>
 * The response starts as the snapshot of {@code response.created} (or
 * {@code in_progress}). Output items are placed by {@code output_index} (or found by
 * {@code item_id} when a server leaves the index out), text and refusal deltas are joined
 * per content part, function-call argument deltas per item, and reasoning summary text
 * per summary part. A {@code .done} event replaces what the deltas built with the
 * complete value it carries.
 * <p>
 * When a terminal event carries the final response, that response wins, because it is the
 * server's own record. Only an empty {@code output} in it is replaced by the items built
 * from the deltas, so a server that leaves the final output out loses nothing. Before the
 * terminal event, {@link #result()} returns what arrived so far.
 * <p>
 * Not thread-safe: a stream delivers its events one at a time.
 */
public final class ResponseAccumulator {

	private final TreeMap<Integer, ItemState> items = new TreeMap<>();

	private final Map<String, ItemState> itemsById = new HashMap<>();

	@Nullable private Response snapshot;

	@Nullable private Response finalResponse;

	/**
	 * Folds a whole stream.
	 * @param events the stream
	 * @return the response once the stream ends
	 */
	public static Mono<Response> accumulate(Flux<ResponseStreamEvent> events) {
		return events.collect(ResponseAccumulator::new, ResponseAccumulator::add).map(ResponseAccumulator::result);
	}

	/**
	 * Adds one event. Events of types this class does not fold, unknown types included,
	 * change nothing.
	 * @param event the event
	 * @return this accumulator
	 */
	public ResponseAccumulator add(ResponseStreamEvent event) {
		ResponseStreamEventType type = event.type();
		if (type == null) {
			return this;
		}
		switch (type.value()) {
			case "response.created", "response.in_progress", "response.queued" -> addSnapshot(event.response);
			case "response.completed", "response.incomplete", "response.failed", "response.done" ->
				addFinalResponse(event.response);
			case "response.output_item.added" -> itemOf(event, itemType(event)).update(event.item, false);
			case "response.output_item.done" -> itemOf(event, itemType(event)).update(event.item, true);
			default -> addPartEvent(type.value(), event);
		}
		return this;
	}

	private void addPartEvent(String type, ResponseStreamEvent event) {
		switch (type) {
			case "response.content_part.added" -> contentOf(event, partType(event)).update(event.part, false);
			case "response.content_part.done" -> contentOf(event, partType(event)).update(event.part, true);
			case "response.output_text.delta" -> addTextDelta(event);
			case "response.output_text.done" -> contentOf(event, ResponseContentPart.OUTPUT_TEXT).text(event.text);
			case "response.output_text.annotation.added" ->
				contentOf(event, ResponseContentPart.OUTPUT_TEXT).addAnnotation(event.annotation);
			case "response.refusal.delta" -> contentOf(event, ResponseContentPart.REFUSAL).appendRefusal(event.delta());
			case "response.refusal.done" -> contentOf(event, ResponseContentPart.REFUSAL).refusal(event.refusal);
			case "response.function_call_arguments.delta" ->
				itemOf(event, ResponseOutputItem.FUNCTION_CALL).appendArguments(event.delta());
			case "response.function_call_arguments.done" ->
				itemOf(event, ResponseOutputItem.FUNCTION_CALL).arguments(event.arguments(), event.name);
			default -> addReasoningEvent(type, event);
		}
	}

	private void addReasoningEvent(String type, ResponseStreamEvent event) {
		switch (type) {
			case "response.reasoning_summary_part.added" -> summaryOf(event).update(event.part, false);
			case "response.reasoning_summary_part.done" -> summaryOf(event).update(event.part, true);
			case "response.reasoning_summary_text.delta" -> summaryOf(event).appendText(event.delta());
			case "response.reasoning_summary_text.done" -> summaryOf(event).text(event.text);
			case "response.reasoning_text.delta" -> reasoningTextOf(event).appendText(event.delta());
			case "response.reasoning_text.done" -> reasoningTextOf(event).text(event.text);
			default -> {
				// Tool progress, audio, image previews and unknown types add nothing to
				// the response, because their results arrive in output_item.done.
			}
		}
	}

	/**
	 * Returns the response as far as the events so far go.
	 * @return a new response
	 */
	public Response result() {
		Response base = (this.finalResponse != null) ? this.finalResponse : this.snapshot;
		Response result = (base != null) ? base.copy() : new Response();
		if (base == null) {
			result.object = "response";
		}
		List<ResponseOutputItem> assembled = new ArrayList<>(this.items.size());
		this.items.values().forEach((state) -> assembled.add(state.toItem()));
		if (!assembled.isEmpty() && (this.finalResponse == null || result.output().isEmpty())) {
			result.output = assembled;
		}
		return result;
	}

	private void addSnapshot(@Nullable Response response) {
		if (response != null) {
			this.snapshot = response;
		}
	}

	private void addFinalResponse(@Nullable Response response) {
		if (response != null) {
			this.finalResponse = response;
		}
	}

	private void addTextDelta(ResponseStreamEvent event) {
		PartState part = contentOf(event, ResponseContentPart.OUTPUT_TEXT);
		part.appendText(event.delta());
		part.addLogprobs(event.logprobs());
	}

	/**
	 * Returns the state of the item an event refers to: by output index, else by item id,
	 * else a new item after the last one. An item a server never announced with
	 * {@code output_item.added} is started with {@code typeIfNew}.
	 */
	private ItemState itemOf(ResponseStreamEvent event, String typeIfNew) {
		String id = (event.itemId != null) ? event.itemId : ((event.item != null) ? event.item.id : null);
		ItemState state = (event.outputIndex != null) ? this.items.get(event.outputIndex) : null;
		if (state == null && id != null) {
			state = this.itemsById.get(id);
		}
		if (state == null) {
			state = new ItemState(ResponseOutputItem.ofType(id, typeIfNew));
			this.items.put((event.outputIndex != null) ? event.outputIndex : nextIndex(), state);
		}
		if (id != null) {
			this.itemsById.putIfAbsent(id, state);
		}
		return state;
	}

	private PartState contentOf(ResponseStreamEvent event, String typeIfNew) {
		return itemOf(event, ResponseOutputItem.MESSAGE).content(event.contentIndex, typeIfNew);
	}

	private PartState reasoningTextOf(ResponseStreamEvent event) {
		return itemOf(event, ResponseOutputItem.REASONING).content(event.contentIndex,
				ResponseContentPart.REASONING_TEXT);
	}

	private PartState summaryOf(ResponseStreamEvent event) {
		return itemOf(event, ResponseOutputItem.REASONING).summary(event.summaryIndex);
	}

	private int nextIndex() {
		return this.items.isEmpty() ? 0 : this.items.lastKey() + 1;
	}

	private static String itemType(ResponseStreamEvent event) {
		String type = (event.item != null) ? event.item.type : null;
		return (type != null) ? type : ResponseOutputItem.MESSAGE;
	}

	private static String partType(ResponseStreamEvent event) {
		String type = (event.part != null) ? event.part.type : null;
		return (type != null) ? type : ResponseContentPart.OUTPUT_TEXT;
	}

	private static boolean isEmpty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

	/**
	 * One output item being built. Until its {@code output_item.done} arrives, what the
	 * deltas built wins over the item of {@code output_item.added}. After it, the done
	 * item wins and the deltas only fill fields it left empty.
	 */
	private static final class ItemState {

		private ResponseOutputItem base;

		private boolean done;

		private final Map<Integer, PartState> content = new TreeMap<>();

		private final Map<Integer, PartState> summary = new TreeMap<>();

		@Nullable private StringBuilder arguments;

		@Nullable private String name;

		ItemState(ResponseOutputItem base) {
			this.base = base;
		}

		void update(@Nullable ResponseOutputItem item, boolean complete) {
			if (item != null) {
				this.base = item;
			}
			this.done = this.done || complete;
		}

		PartState content(@Nullable Integer index, String typeIfNew) {
			return this.content.computeIfAbsent((index != null) ? index : 0, (key) -> new PartState(typeIfNew));
		}

		PartState summary(@Nullable Integer index) {
			return this.summary.computeIfAbsent((index != null) ? index : 0,
					(key) -> new PartState(ResponseContentPart.SUMMARY_TEXT));
		}

		void appendArguments(@Nullable String delta) {
			if (delta != null) {
				this.arguments = (this.arguments != null) ? this.arguments.append(delta) : new StringBuilder(delta);
			}
		}

		void arguments(@Nullable String complete, @Nullable String functionName) {
			if (complete != null) {
				this.arguments = new StringBuilder(complete);
			}
			if (functionName != null) {
				this.name = functionName;
			}
		}

		ResponseOutputItem toItem() {
			ResponseOutputItem item = this.base.copy();
			if (!this.content.isEmpty() && (!this.done || item.content().isEmpty())) {
				item.content = parts(this.content);
			}
			if (!this.summary.isEmpty() && (!this.done || item.summary().isEmpty())) {
				item.summary = parts(this.summary);
			}
			if (this.arguments != null && (!this.done || isEmpty(item.arguments))) {
				item.arguments = this.arguments.toString();
			}
			if (this.name != null && item.name == null) {
				item.name = this.name;
			}
			return item;
		}

		private static List<ResponseContentPart> parts(Map<Integer, PartState> states) {
			List<ResponseContentPart> parts = new ArrayList<>(states.size());
			states.values().forEach((state) -> parts.add(state.toPart()));
			return parts;
		}

	}

	/**
	 * One content or summary part being built, with the same precedence as
	 * {@link ItemState}: deltas win until {@code content_part.done}, the done part after.
	 */
	private static final class PartState {

		private ResponseContentPart base;

		private boolean done;

		@Nullable private StringBuilder text;

		@Nullable private StringBuilder refusal;

		@Nullable private List<Object> annotations;

		@Nullable private List<Object> logprobs;

		PartState(String type) {
			this.base = ResponseContentPart.ofType(type);
		}

		void update(@Nullable ResponseContentPart part, boolean complete) {
			if (part != null) {
				this.base = part;
			}
			this.done = this.done || complete;
		}

		void appendText(@Nullable String delta) {
			if (delta != null) {
				this.text = (this.text != null) ? this.text.append(delta) : new StringBuilder(delta);
			}
		}

		void text(@Nullable String complete) {
			if (complete != null) {
				this.text = new StringBuilder(complete);
			}
		}

		void appendRefusal(@Nullable String delta) {
			if (delta != null) {
				this.refusal = (this.refusal != null) ? this.refusal.append(delta) : new StringBuilder(delta);
			}
		}

		void refusal(@Nullable String complete) {
			if (complete != null) {
				this.refusal = new StringBuilder(complete);
			}
		}

		void addAnnotation(@Nullable Object annotation) {
			if (annotation != null) {
				this.annotations = (this.annotations != null) ? this.annotations : new ArrayList<>();
				this.annotations.add(annotation);
			}
		}

		void addLogprobs(List<Object> pieces) {
			if (!pieces.isEmpty()) {
				this.logprobs = (this.logprobs != null) ? this.logprobs : new ArrayList<>();
				this.logprobs.addAll(pieces);
			}
		}

		ResponseContentPart toPart() {
			ResponseContentPart part = this.base.copy();
			if (this.text != null && (!this.done || isEmpty(part.text))) {
				part.text = this.text.toString();
			}
			if (this.refusal != null && (!this.done || isEmpty(part.refusal))) {
				part.refusal = this.refusal.toString();
			}
			if (this.annotations != null && (!this.done || part.annotations().isEmpty())) {
				part.annotations = new ArrayList<>(this.annotations);
			}
			if (this.logprobs != null && (!this.done || part.logprobs().isEmpty())) {
				part.logprobs = new ArrayList<>(this.logprobs);
			}
			return part;
		}

	}

}
