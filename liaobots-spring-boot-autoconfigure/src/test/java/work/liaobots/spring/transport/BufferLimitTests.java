package work.liaobots.spring.transport;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import work.liaobots.spring.chat.ChatCompletionChunk;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.error.LiaobotsBufferLimitException;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;

import static org.assertj.core.api.Assertions.assertThat;

class BufferLimitTests {

	private static final int LIMIT = 16 * 1024 * 1024;

	private final StubGateway gateway = StubGateway.start();

	private final ChatCompletionsService chat = new ChatCompletionsService(TestTransports.create(
			TestTransports.withMaxInMemorySize(TestTransports.settings(List.of(this.gateway.baseUrl())), LIMIT)), "m");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void eventAboveWebClientDefaultLimitIsRead() {
		String big = "a".repeat(300_000);
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.sse().data(StubPayloads.chatChunk(big)).done().build().chunkSize(8192));
		List<ChatCompletionChunk> chunks = this.chat.stream(ChatCompletionRequest.of(null, "Hi"))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(chunks).hasSize(1);
		assertThat(chunks.get(0).text()).hasSize(300_000);
	}

	@Test
	void eventAboveConfiguredLimitFailsWithTheLimit() {
		String huge = "a".repeat(20 * 1024 * 1024);
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS,
				StubResponse.sse().data(StubPayloads.chatChunk(huge)).done().build().chunkSize(64 * 1024).keepOpen());
		StepVerifier.create(this.chat.stream(ChatCompletionRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsBufferLimitException.class)
				.hasMessageContaining("16777216 bytes")
				.hasMessageContaining("liaobots.max-in-memory-size"))
			.verify(Duration.ofSeconds(10));
		assertThat(this.gateway.requestCount()).isEqualTo(1);
	}

	@Test
	void bodyAboveConfiguredLimitFailsWithTheLimit() {
		String huge = StubPayloads.chatCompletion("m", "a".repeat(17 * 1024 * 1024), 1, 1);
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, StubResponse.json(huge));
		StepVerifier.create(this.chat.create(ChatCompletionRequest.of(null, "Hi")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LiaobotsBufferLimitException.class)
				.hasMessageContaining("16777216 bytes"))
			.verify(Duration.ofSeconds(10));
	}

}
