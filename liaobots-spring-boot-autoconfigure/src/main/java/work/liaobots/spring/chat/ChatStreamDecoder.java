package work.liaobots.spring.chat;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import work.liaobots.spring.transport.SseData;
import work.liaobots.spring.transport.StreamDecoder;
import work.liaobots.spring.transport.StreamErrorEvent;

/**
 * Reads a Chat Completions stream: {@code data:} chunks until {@code [DONE]}. A chunk
 * with a top-level {@code error} is an error event. A stream whose choices all reported a
 * finish reason is complete even if {@code [DONE]} never comes.
 */
final class ChatStreamDecoder implements StreamDecoder<ChatCompletionChunk> {

	private final ObjectReader reader;

	private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

	private boolean done;

	private boolean finished;

	ChatStreamDecoder(ObjectReader reader) {
		this.reader = reader;
	}

	@Override
	@Nullable public ChatCompletionChunk decode(@Nullable String eventName, SseData data) {
		if (data.isDone()) {
			this.done = true;
			return null;
		}
		ChatCompletionChunk chunk = data.parse(this.reader);
		Object error = chunk.extra().get("error");
		if (error != null) {
			throw errorEvent(error);
		}
		this.accumulator.add(chunk);
		for (ChatCompletionChunk.Choice choice : chunk.choices()) {
			if (choice.finishReason != null) {
				this.finished = true;
			}
		}
		return chunk;
	}

	static StreamErrorEvent errorEvent(Object error) {
		if (error instanceof Map<?, ?> map) {
			Object type = (map.get("type") != null) ? map.get("type") : map.get("code");
			String typeName = (type != null) ? type.toString() : null;
			return new StreamErrorEvent(typeName, String.valueOf(map.get("message")),
					StreamErrorEvent.isTransient(typeName));
		}
		if (error instanceof List<?> list && !list.isEmpty()) {
			return errorEvent(list.get(0));
		}
		return new StreamErrorEvent(null, String.valueOf(error), false);
	}

	@Override
	public boolean isTerminated() {
		return this.done;
	}

	@Override
	public boolean isComplete() {
		return this.done || this.finished;
	}

	@Override
	public Object partialResult() {
		return this.accumulator.result();
	}

}
