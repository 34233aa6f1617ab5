package work.liaobots.spring.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import work.liaobots.spring.json.LiaobotsJson;

/**
 * Folds stream events into the {@link Message} a non-streaming call returns.
 * <p>
 * Blocks are kept by their {@code index}. Text and thinking pieces are appended, a
 * signature replaces the previous one, and the {@code partial_json} pieces of a tool
 * input are joined per block and parsed at {@code content_block_stop}, where an empty
 * input means {@code {}}. Usage counts in {@code message_delta} are cumulative, so each
 * one replaces the earlier value and is never added to it, while counts the delta leaves
 * out (usually the input counts from {@code message_start}) are kept. Events that arrive
 * out of order, such as a delta for a block that was never opened, are folded as far as
 * they make sense instead of failing.
 * <p>
 * Not thread-safe, because a stream delivers its events one at a time.
 */
public final class MessageAccumulator {

	private final Map<Integer, BlockState> blocks = new TreeMap<>();

	/**
	 * The block the last delta went to. Deltas arrive in runs on one block, so this skips
	 * the map lookup (a boxed key and a lambda) on almost every event.
	 */
	@Nullable private BlockState lastBlock;

	private int lastBlockIndex = -1;

	private final Map<String, Object> extra = new LinkedHashMap<>();

	@Nullable private String id;

	@Nullable private String type;

	@Nullable private String role;

	@Nullable private String model;

	@Nullable private StopReason stopReason;

	@Nullable private String stopSequence;

	@Nullable private StopDetails stopDetails;

	@Nullable private MessageUsage usage;

	/**
	 * Folds a whole stream.
	 * @param events the stream
	 * @return the message once the stream ends
	 */
	public static Mono<Message> accumulate(Flux<MessageStreamEvent> events) {
		return events.collect(MessageAccumulator::new, MessageAccumulator::add).map(MessageAccumulator::result);
	}

	/**
	 * Adds one event. Events of types this version does not know are ignored.
	 * @param event the event
	 * @return this accumulator
	 */
	public MessageAccumulator add(MessageStreamEvent event) {
		MessageStreamEvent.Type eventType = event.type;
		if (MessageStreamEvent.Type.MESSAGE_START.equals(eventType)) {
			start(event.message);
		}
		else if (MessageStreamEvent.Type.CONTENT_BLOCK_START.equals(eventType)) {
			ContentBlock opened = (event.contentBlock != null) ? event.contentBlock : new ContentBlock();
			this.blocks.put(indexOf(event), new BlockState(opened));
			this.lastBlock = null;
		}
		else if (MessageStreamEvent.Type.CONTENT_BLOCK_DELTA.equals(eventType) && event.delta != null) {
			blockFor(event, event.delta.type).apply(event.delta);
		}
		else if (MessageStreamEvent.Type.CONTENT_BLOCK_STOP.equals(eventType)) {
			BlockState block = this.blocks.get(indexOf(event));
			if (block != null) {
				block.stop();
			}
		}
		else if (MessageStreamEvent.Type.MESSAGE_DELTA.equals(eventType)) {
			applyMessageDelta(event.delta, event.usage);
		}
		return this;
	}

	/**
	 * Returns the message as far as the events so far go. A tool input whose block has
	 * not stopped yet is parsed from the pieces received.
	 * @return a new message
	 */
	public Message result() {
		Message message = new Message();
		message.id = this.id;
		message.type = (this.type != null) ? this.type : "message";
		message.role = (this.role != null) ? this.role : MessageParam.ASSISTANT;
		message.model = this.model;
		List<ContentBlock> content = new ArrayList<>(this.blocks.size());
		this.blocks.values().forEach((block) -> content.add(block.toBlock()));
		message.content = content;
		message.stopReason = this.stopReason;
		message.stopSequence = this.stopSequence;
		message.stopDetails = this.stopDetails;
		message.usage = this.usage;
		message.putAllExtra(this.extra);
		return message;
	}

	private void start(@Nullable Message shell) {
		if (shell == null) {
			return;
		}
		this.id = shell.id;
		this.type = shell.type;
		this.role = shell.role;
		this.model = shell.model;
		this.stopReason = shell.stopReason;
		this.stopSequence = shell.stopSequence;
		this.stopDetails = shell.stopDetails;
		this.usage = shell.usage;
		this.extra.putAll(shell.extra());
		List<ContentBlock> initial = shell.content();
		this.lastBlock = null;
		for (int i = 0; i < initial.size(); i++) {
			this.blocks.put(i, new BlockState(initial.get(i)));
		}
	}

	private void applyMessageDelta(@Nullable MessageDelta delta, @Nullable MessageUsage deltaUsage) {
		if (delta != null) {
			this.stopReason = (delta.stopReason != null) ? delta.stopReason : this.stopReason;
			this.stopSequence = (delta.stopSequence != null) ? delta.stopSequence : this.stopSequence;
			this.stopDetails = (delta.stopDetails != null) ? delta.stopDetails : this.stopDetails;
			// Other delta fields (such as a code-execution container) are message fields.
			this.extra.putAll(delta.extra());
		}
		if (deltaUsage != null) {
			this.usage = (this.usage != null) ? this.usage.mergedWith(deltaUsage) : deltaUsage;
		}
	}

	private BlockState blockFor(MessageStreamEvent event, MessageDelta.@Nullable Type deltaType) {
		int index = indexOf(event);
		if (this.lastBlock != null && this.lastBlockIndex == index) {
			return this.lastBlock;
		}
		BlockState block = this.blocks.get(index);
		if (block == null) {
			block = new BlockState(impliedBlock(deltaType));
			this.blocks.put(index, block);
		}
		this.lastBlock = block;
		this.lastBlockIndex = index;
		return block;
	}

	/**
	 * Creates the block a delta implies when its {@code content_block_start} never came.
	 */
	private static ContentBlock impliedBlock(MessageDelta.@Nullable Type deltaType) {
		ContentBlock block = new ContentBlock();
		if (MessageDelta.Type.INPUT_JSON_DELTA.equals(deltaType)) {
			block.type = ContentBlock.Type.TOOL_USE;
		}
		else if (MessageDelta.Type.THINKING_DELTA.equals(deltaType)
				|| MessageDelta.Type.SIGNATURE_DELTA.equals(deltaType)) {
			block.type = ContentBlock.Type.THINKING;
		}
		else {
			block.type = ContentBlock.Type.TEXT;
		}
		return block;
	}

	private static int indexOf(MessageStreamEvent event) {
		return (event.index != null) ? event.index : 0;
	}

	/**
	 * One block under construction: the block as it opened plus what the deltas added.
	 * The opening block belongs to an event the caller already received, so it is copied,
	 * never changed.
	 */
	private static final class BlockState {

		private final ContentBlock opened;

		@Nullable private StringBuilder text;

		@Nullable private StringBuilder thinking;

		@Nullable private String signature;

		@Nullable private List<Object> citations;

		@Nullable private StringBuilder inputJson;

		@Nullable private JsonNode input;

		BlockState(ContentBlock opened) {
			this.opened = opened;
		}

		void apply(MessageDelta delta) {
			MessageDelta.Type deltaType = delta.type;
			if (MessageDelta.Type.TEXT_DELTA.equals(deltaType)) {
				this.text = append(this.text, this.opened.text, delta.text);
			}
			else if (MessageDelta.Type.INPUT_JSON_DELTA.equals(deltaType)) {
				this.inputJson = append(this.inputJson, null, delta.partialJson);
				this.input = null;
			}
			else if (MessageDelta.Type.THINKING_DELTA.equals(deltaType)) {
				this.thinking = append(this.thinking, this.opened.thinking, delta.thinking);
			}
			else if (MessageDelta.Type.SIGNATURE_DELTA.equals(deltaType) && delta.signature != null) {
				this.signature = delta.signature;
			}
			else if (MessageDelta.Type.CITATIONS_DELTA.equals(deltaType) && delta.citation != null) {
				if (this.citations == null) {
					this.citations = new ArrayList<>(this.opened.citations());
				}
				this.citations.add(delta.citation);
			}
		}

		void stop() {
			if (this.inputJson != null) {
				this.input = parseInput(this.inputJson);
			}
		}

		ContentBlock toBlock() {
			ContentBlock block = this.opened.copy();
			if (this.text != null) {
				block.text = this.text.toString();
			}
			if (this.thinking != null) {
				block.thinking = this.thinking.toString();
			}
			if (this.signature != null) {
				block.signature = this.signature;
			}
			if (this.citations != null) {
				block.citations = List.copyOf(this.citations);
			}
			if (this.inputJson != null) {
				block.input = (this.input != null) ? this.input : parseInput(this.inputJson);
			}
			return block;
		}

		private static StringBuilder append(@Nullable StringBuilder builder, @Nullable String initial,
				@Nullable String piece) {
			StringBuilder result = (builder != null) ? builder : new StringBuilder((initial != null) ? initial : "");
			return (piece != null) ? result.append(piece) : result;
		}

		/**
		 * Parses joined tool-input pieces. An empty input is {@code {}}. Text that is not
		 * valid JSON, such as an input cut off by a broken stream, is kept as a string
		 * node.
		 */
		private static JsonNode parseInput(CharSequence joined) {
			String json = joined.toString();
			if (json.isBlank()) {
				return JsonNodeFactory.instance.objectNode();
			}
			try {
				return LiaobotsJson.mapper().readTree(json);
			}
			catch (JacksonException ex) {
				return JsonNodeFactory.instance.stringNode(json);
			}
		}

	}

}
