package work.liaobots.spring.transport;

import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads any format's stream as JSON trees, for the raw variants of the services. The
 * format supplies three rules on the tree: which event is an error, which is terminal and
 * which completes the answer.
 */
public final class JsonTreeStreamDecoder implements StreamDecoder<JsonNode> {

	private final ObjectReader reader;

	private final Function<JsonNode, @Nullable StreamErrorEvent> errorRule;

	private final Predicate<JsonNode> terminalRule;

	private final Predicate<JsonNode> completeRule;

	private boolean terminated;

	private boolean complete;

	/**
	 * Creates a decoder.
	 * @param reader a reader for {@link JsonNode}
	 * @param errorRule returns the error an event reports, or {@code null}
	 * @param terminalRule whether an event is the format's terminal signal
	 * @param completeRule whether an event completes the answer without a terminal signal
	 */
	public JsonTreeStreamDecoder(ObjectReader reader, Function<JsonNode, @Nullable StreamErrorEvent> errorRule,
			Predicate<JsonNode> terminalRule, Predicate<JsonNode> completeRule) {
		this.reader = reader;
		this.errorRule = errorRule;
		this.terminalRule = terminalRule;
		this.completeRule = completeRule;
	}

	@Override
	@Nullable public JsonNode decode(@Nullable String eventName, SseData data) {
		if (data.isDone()) {
			this.terminated = true;
			return null;
		}
		JsonNode event = data.parse(this.reader);
		StreamErrorEvent error = this.errorRule.apply(event);
		if (error != null) {
			throw error;
		}
		this.terminated = this.terminalRule.test(event);
		this.complete = this.complete || this.terminated || this.completeRule.test(event);
		return event;
	}

	@Override
	public boolean isTerminated() {
		return this.terminated;
	}

	@Override
	public boolean isComplete() {
		return this.complete;
	}

	@Override
	@Nullable public Object partialResult() {
		return null;
	}

}
