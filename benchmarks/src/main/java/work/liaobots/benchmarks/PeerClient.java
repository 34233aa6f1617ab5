package work.liaobots.benchmarks;

import java.net.URI;
import java.time.Duration;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * The peer client: the official openai-java SDK (OkHttp transport), pointed at the
 * benchmark server on 127.0.0.1 through its base URL. It speaks Chat Completions only
 * here, the one format both clients share.
 */
final class PeerClient implements AutoCloseable {

	private final OpenAIClient client;

	PeerClient(URI baseUrl) {
		this.client = OpenAIOkHttpClient.builder()
			.baseUrl(baseUrl + "/v1")
			.apiKey(StarterClient.AUTHCODE)
			.maxRetries(0)
			.timeout(Duration.ofMinutes(5))
			.build();
	}

	/**
	 * Streams a chat response on the calling thread, handing each chunk's text to
	 * {@code tally}.
	 */
	Tally stream(String model, Tally tally) {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model(model)
			.addUserMessage("Count")
			.build();
		try (StreamResponse<ChatCompletionChunk> chunks = this.client.chat().completions().createStreaming(params)) {
			chunks.stream().forEach((chunk) -> tally.add(text(chunk)));
		}
		return tally;
	}

	/**
	 * Returns how long the first chunk of a stream takes to arrive, in nanoseconds.
	 */
	long firstChunkNanos(String model) {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model(model)
			.addUserMessage("Count")
			.build();
		long start = System.nanoTime();
		try (StreamResponse<ChatCompletionChunk> chunks = this.client.chat().completions().createStreaming(params)) {
			long[] first = { -1 };
			chunks.stream().forEach((chunk) -> {
				if (first[0] < 0) {
					first[0] = System.nanoTime() - start;
				}
			});
			return first[0];
		}
	}

	private static String text(ChatCompletionChunk chunk) {
		if (chunk.choices().isEmpty()) {
			return "";
		}
		return chunk.choices().get(0).delta().content().orElse("");
	}

	@Override
	public void close() {
		this.client.close();
	}

}
