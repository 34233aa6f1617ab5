package work.liaobots.spring.chat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.transport.SseData;
import work.liaobots.spring.transport.SseReader;

/**
 * The SSE-to-typed-event path of a chat stream without the network: the starter's
 * {@link SseReader} and chat decoder, accumulator included, against a byte-level line
 * split with a Jackson tree per event. Both read the same bytes in 16 KiB reads; one
 * operation is one event, so {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per
 * event.
 * <p>
 * It sits in the chat package because the decoder is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChatStreamDecodingBenchmark {

	static final int EVENTS = 1000;

	private static final int READ_SIZE = 16 * 1024;

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private byte[] body;

	private ObjectReader chunkReader;

	private ObjectReader treeReader;

	@Setup
	public void setUp() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < EVENTS - 1; i++) {
			text.append("data: ").append(StubPayloads.chatChunk((i % 2 == 0) ? "Hello " : "你好")).append("\n\n");
		}
		text.append("data: ").append(StubPayloads.chatFinishChunk("stop")).append("\n\n");
		text.append("data: [DONE]\n\n");
		this.body = text.toString().getBytes(StandardCharsets.UTF_8);
		this.chunkReader = LiaobotsJson.mapper().readerFor(ChatCompletionChunk.class);
		this.treeReader = LiaobotsJson.mapper().readerFor(JsonNode.class);
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS)
	public void starter(Blackhole blackhole) {
		SseReader reader = new SseReader(16 * 1024 * 1024);
		ChatStreamDecoder decoder = new ChatStreamDecoder(this.chunkReader);
		SseReader.Handler handler = (name, data) -> blackhole.consume(decoder.decode(name, data));
		for (int offset = 0; offset < this.body.length; offset += READ_SIZE) {
			reader.read(this.body, offset, Math.min(READ_SIZE, this.body.length - offset), handler);
		}
		reader.finish(handler);
		blackhole.consume(decoder.isTerminated());
	}

	@Benchmark
	@OperationsPerInvocation(EVENTS)
	public void raw(Blackhole blackhole) {
		byte[] pending = new byte[8192];
		int pendingLength = 0;
		for (int offset = 0; offset < this.body.length; offset += READ_SIZE) {
			int end = Math.min(offset + READ_SIZE, this.body.length);
			int position = offset;
			while (position < end) {
				int lineEnd = indexOf(this.body, position, end);
				if (lineEnd < 0) {
					if (pending.length < pendingLength + end - position) {
						pending = java.util.Arrays.copyOf(pending, (pendingLength + end - position) * 2);
					}
					System.arraycopy(this.body, position, pending, pendingLength, end - position);
					pendingLength += end - position;
					break;
				}
				if (pendingLength > 0) {
					if (pending.length < pendingLength + lineEnd - position) {
						pending = java.util.Arrays.copyOf(pending, (pendingLength + lineEnd - position) * 2);
					}
					System.arraycopy(this.body, position, pending, pendingLength, lineEnd - position);
					parseLine(pending, 0, pendingLength + lineEnd - position, blackhole);
					pendingLength = 0;
				}
				else {
					parseLine(this.body, position, lineEnd - position, blackhole);
				}
				position = lineEnd + 1;
			}
		}
	}

	private void parseLine(byte[] line, int offset, int length, Blackhole blackhole) {
		if (length < DATA.length || line[offset] != 'd' || line[offset + 4] != ':') {
			return;
		}
		int start = offset + DATA.length + ((line[offset + DATA.length] == ' ') ? 1 : 0);
		int valueLength = offset + length - start;
		if (valueLength == 6 && line[start] == '[') {
			return;
		}
		blackhole.consume(this.treeReader.readTree(line, start, valueLength));
	}

	private static int indexOf(byte[] bytes, int from, int end) {
		for (int i = from; i < end; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
