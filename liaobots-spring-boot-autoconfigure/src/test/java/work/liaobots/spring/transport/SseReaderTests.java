package work.liaobots.spring.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SseReaderTests {

	private static final String TWO_EVENTS = "event: message_delta\ndata: {\"a\":\"Grüße 你好 🙂\"}\n\n"
			+ ": keep-alive\n\ndata: second\n\n";

	@Test
	void readsEventsWithNamesAndComments() {
		Recorder recorder = readWhole(TWO_EVENTS);
		assertThat(recorder.events).containsExactly("message_delta|{\"a\":\"Grüße 你好 🙂\"}", "null|second");
		assertThat(recorder.comments).isEqualTo(1);
	}

	@Test
	void everyTwoWaySplitGivesTheSameEvents() {
		byte[] bytes = TWO_EVENTS.getBytes(StandardCharsets.UTF_8);
		for (int split = 0; split <= bytes.length; split++) {
			Recorder recorder = new Recorder();
			SseReader reader = new SseReader(1024);
			reader.read(bytes, 0, split, recorder);
			reader.read(bytes, split, bytes.length - split, recorder);
			reader.finish(recorder);
			assertThat(recorder.events).as("split at %d", split)
				.containsExactly("message_delta|{\"a\":\"Grüße 你好 🙂\"}", "null|second");
		}
	}

	@Test
	void byteByByteReadGivesTheSameEvents() {
		Recorder recorder = readInChunks(TWO_EVENTS, 1);
		assertThat(recorder.events).containsExactly("message_delta|{\"a\":\"Grüße 你好 🙂\"}", "null|second");
		assertThat(recorder.comments).isEqualTo(1);
	}

	@Test
	void randomChunkingGivesTheSameEvents() {
		String body = TWO_EVENTS.repeat(20);
		Random random = new Random(42);
		for (int run = 0; run < 200; run++) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			Recorder recorder = new Recorder();
			SseReader reader = new SseReader(1024);
			int position = 0;
			while (position < bytes.length) {
				int size = Math.min(bytes.length - position, 1 + random.nextInt(17));
				reader.read(bytes, position, size, recorder);
				position += size;
			}
			reader.finish(recorder);
			assertThat(recorder.events).hasSize(40);
		}
	}

	@Test
	void crlfCrAndLfLineEndsAreEquivalent() {
		String lf = "data: one\n\ndata: two\n\n";
		assertThat(readWhole(lf.replace("\n", "\r\n")).events).containsExactly("null|one", "null|two");
		assertThat(readWhole(lf.replace("\n", "\r")).events).containsExactly("null|one", "null|two");
		assertThat(readInChunks(lf.replace("\n", "\r\n"), 1).events).containsExactly("null|one", "null|two");
	}

	@Test
	void crlfSplitBetweenReadsCountsOnce() {
		Recorder recorder = new Recorder();
		SseReader reader = new SseReader(1024);
		byte[] first = "data: one\r".getBytes(StandardCharsets.UTF_8);
		byte[] second = "\n\r\ndata: two\r\n\r\n".getBytes(StandardCharsets.UTF_8);
		reader.read(first, 0, first.length, recorder);
		reader.read(second, 0, second.length, recorder);
		assertThat(recorder.events).containsExactly("null|one", "null|two");
	}

	@Test
	void multipleDataLinesAreJoinedWithLineFeed() {
		String body = "event: message_delta\ndata: {\"type\":\"message_delta\",\ndata: \"usage\":{\"output_tokens\":7}}\n\n";
		assertThat(readInChunks(body, 3).events)
			.containsExactly("message_delta|{\"type\":\"message_delta\",\n\"usage\":{\"output_tokens\":7}}");
	}

	@Test
	void onlyOneLeadingSpaceOfAValueIsRemoved() {
		assertThat(readWhole("data:x\n\ndata:  y\n\n").events).containsExactly("null|x", "null| y");
	}

	@Test
	void fieldWithoutColonIsDataWithEmptyValue() {
		assertThat(readWhole("data\n\n").events).containsExactly("null|");
	}

	@Test
	void blockWithoutDataIsNotDispatched() {
		Recorder recorder = readWhole("event: ping\n\nid: 7\nretry: 10\n\ndata: after\n\n");
		assertThat(recorder.events).containsExactly("null|after");
	}

	@Test
	void leadingByteOrderMarkIsDropped() {
		assertThat(readInChunks("\uFEFFdata: one\n\n", 1).events).containsExactly("null|one");
		assertThat(readWhole("\uFEFFdata: one\n\n").events).containsExactly("null|one");
	}

	@Test
	void pendingDataIsFlushedAtEndOfInput() {
		assertThat(readWhole("data: tail").events).containsExactly("null|tail");
		assertThat(readWhole("data: tail\n").events).containsExactly("null|tail");
	}

	@Test
	void trailingSpacesAfterJsonAreKept() {
		assertThat(readWhole("data: {\"a\":1}   \n\n").events).containsExactly("null|{\"a\":1}   ");
	}

	@Test
	void eventLargerThanLimitFails() {
		String big = "data: " + "a".repeat(2000) + "\n\n";
		assertThatExceptionOfType(SseReader.SseEventTooLargeException.class)
			.isThrownBy(() -> readInChunks(big, 100, 1000))
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(1000));
	}

	@Test
	void eventOfSeveralMegabytesIsReadWhole() {
		String payload = "b".repeat(3 * 1024 * 1024 + 17);
		Recorder recorder = readInChunks("data: " + payload + "\r\n\r\ndata: next\r\n\r\n", 16 * 1024, 8 * 1024 * 1024);
		assertThat(recorder.events).hasSize(2);
		assertThat(recorder.events.get(0)).isEqualTo("null|" + payload);
	}

	@Test
	void doneMarkerIsRecognised() {
		List<Boolean> done = new ArrayList<>();
		SseReader reader = new SseReader(1024);
		byte[] bytes = "data: [DONE]\n\ndata: [DONE]x\n\n".getBytes(StandardCharsets.UTF_8);
		reader.read(bytes, 0, bytes.length, (name, data) -> done.add(data.isDone()));
		assertThat(done).containsExactly(true, false);
	}

	private static Recorder readWhole(String body) {
		return readInChunks(body, Integer.MAX_VALUE);
	}

	private static Recorder readInChunks(String body, int chunkSize) {
		return readInChunks(body, chunkSize, 1024 * 1024);
	}

	private static Recorder readInChunks(String body, int chunkSize, long limit) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Recorder recorder = new Recorder();
		SseReader reader = new SseReader(limit);
		for (int position = 0; position < bytes.length; position += chunkSize) {
			reader.read(bytes, position, Math.min(chunkSize, bytes.length - position), recorder);
		}
		reader.finish(recorder);
		return recorder;
	}

	private static final class Recorder implements SseReader.Handler {

		private final List<String> events = new ArrayList<>();

		private int comments;

		@Override
		public void onEvent(String eventName, SseData data) {
			this.events.add(eventName + "|" + data.asString());
		}

		@Override
		public void onComment() {
			this.comments++;
		}

	}

}
