package work.liaobots.spring.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Folds streamed chunks into the {@link ChatCompletion} a non-streaming call returns:
 * text and refusal per choice, tool calls joined by their index, finish reason and usage.
 * <p>
 * Tool-call fragments are matched by {@code index}, never by {@code id}: some servers
 * repeat an empty {@code id} or {@code name} on every fragment, which counts as absent.
 * Not thread-safe; a stream delivers its chunks one at a time.
 */
public final class ChatCompletionAccumulator {

	private final Map<Integer, ChoiceState> choices = new TreeMap<>();

	/**
	 * The choice of the last chunk. Almost every stream has one choice, so this skips the
	 * map lookup on almost every chunk.
	 */
	@Nullable private ChoiceState lastChoice;

	private int lastChoiceIndex = -1;

	@Nullable private String id;

	@Nullable private Long created;

	@Nullable private String model;

	@Nullable private ChatUsage usage;

	@Nullable private String serviceTier;

	@Nullable private String systemFingerprint;

	/**
	 * Folds a whole stream.
	 * @param chunks the stream
	 * @return the completion once the stream ends
	 */
	public static Mono<ChatCompletion> accumulate(Flux<ChatCompletionChunk> chunks) {
		return chunks.collect(ChatCompletionAccumulator::new, ChatCompletionAccumulator::add)
			.map(ChatCompletionAccumulator::result);
	}

	/**
	 * Adds one chunk.
	 * @param chunk the chunk
	 * @return this accumulator
	 */
	public ChatCompletionAccumulator add(ChatCompletionChunk chunk) {
		this.id = firstNonEmpty(this.id, chunk.id);
		this.created = (this.created != null) ? this.created : chunk.created;
		this.model = firstNonEmpty(this.model, chunk.model);
		this.serviceTier = (chunk.serviceTier != null) ? chunk.serviceTier : this.serviceTier;
		this.systemFingerprint = (chunk.systemFingerprint != null) ? chunk.systemFingerprint : this.systemFingerprint;
		if (chunk.usage != null) {
			this.usage = chunk.usage;
		}
		if (chunk.choices != null) {
			for (ChatCompletionChunk.Choice choice : chunk.choices) {
				choiceState(choice.index()).add(choice);
			}
		}
		return this;
	}

	private ChoiceState choiceState(int index) {
		if (this.lastChoice != null && this.lastChoiceIndex == index) {
			return this.lastChoice;
		}
		ChoiceState state = this.choices.computeIfAbsent(index, (key) -> new ChoiceState());
		this.lastChoice = state;
		this.lastChoiceIndex = index;
		return state;
	}

	/**
	 * Returns the completion as far as the chunks so far go.
	 * @return a new completion
	 */
	public ChatCompletion result() {
		ChatCompletion completion = new ChatCompletion();
		completion.id = this.id;
		completion.object = "chat.completion";
		completion.created = this.created;
		completion.model = this.model;
		completion.usage = this.usage;
		completion.serviceTier = this.serviceTier;
		completion.systemFingerprint = this.systemFingerprint;
		List<ChatCompletion.Choice> built = new ArrayList<>(this.choices.size());
		this.choices.forEach((index, state) -> built.add(state.toChoice(index)));
		completion.choices = built;
		return completion;
	}

	@Nullable private static String firstNonEmpty(@Nullable String current, @Nullable String next) {
		return (current != null && !current.isEmpty()) ? current : ((next != null && !next.isEmpty()) ? next : current);
	}

	private static final class ChoiceState {

		@Nullable private String role;

		@Nullable private StringBuilder content;

		@Nullable private StringBuilder refusal;

		private final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();

		@Nullable private FinishReason finishReason;

		void add(ChatCompletionChunk.Choice choice) {
			if (choice.finishReason != null) {
				this.finishReason = choice.finishReason;
			}
			ChatCompletionChunk.Delta delta = choice.delta;
			if (delta == null) {
				return;
			}
			this.role = firstNonEmpty(this.role, delta.role);
			if (delta.content != null) {
				this.content = append(this.content, delta.content);
			}
			if (delta.refusal != null) {
				this.refusal = append(this.refusal, delta.refusal);
			}
			if (delta.toolCalls != null) {
				for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls) {
					this.toolCalls.computeIfAbsent(call.index(), (index) -> new ToolCallState()).add(call);
				}
			}
		}

		private static StringBuilder append(@Nullable StringBuilder builder, String piece) {
			return (builder != null) ? builder.append(piece) : new StringBuilder(piece);
		}

		ChatCompletion.Choice toChoice(int index) {
			ChatCompletionMessage message = new ChatCompletionMessage();
			message.role = (this.role != null) ? this.role : ChatMessage.ASSISTANT;
			message.content = (this.content != null) ? this.content.toString() : null;
			message.refusal = (this.refusal != null) ? this.refusal.toString() : null;
			if (!this.toolCalls.isEmpty()) {
				List<ToolCall> calls = new ArrayList<>(this.toolCalls.size());
				this.toolCalls.values().forEach((call) -> calls.add(call.toToolCall()));
				message.toolCalls = calls;
			}
			ChatCompletion.Choice choice = new ChatCompletion.Choice();
			choice.index = index;
			choice.message = message;
			choice.finishReason = this.finishReason;
			return choice;
		}

	}

	private static final class ToolCallState {

		@Nullable private String id;

		@Nullable private String type;

		@Nullable private String name;

		private final StringBuilder arguments = new StringBuilder();

		void add(ChatCompletionChunk.ToolCallDelta delta) {
			this.id = firstNonEmpty(this.id, delta.id);
			this.type = firstNonEmpty(this.type, delta.type);
			if (delta.function != null) {
				this.name = firstNonEmpty(this.name, delta.function.name);
				if (delta.function.arguments != null) {
					this.arguments.append(delta.function.arguments);
				}
			}
		}

		ToolCall toToolCall() {
			String callType = (this.type != null) ? this.type : "function";
			return new ToolCall(this.id, callType, new ToolCall.FunctionCall(this.name, this.arguments.toString()));
		}

	}

}
