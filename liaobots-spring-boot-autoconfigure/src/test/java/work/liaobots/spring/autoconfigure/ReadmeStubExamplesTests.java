package work.liaobots.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import work.liaobots.spring.chat.ChatCompletionAccumulator;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.gemini.GeminiAccumulator;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.messages.MessageAccumulator;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessagesService;
import work.liaobots.spring.responses.ResponseAccumulator;
import work.liaobots.spring.responses.ResponseRequest;
import work.liaobots.spring.responses.ResponsesService;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubGeminiPayloads;
import work.liaobots.spring.test.StubMessagesPayloads;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubResponsesPayloads;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.GatewayTransport;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the scripted streams the README shows for each format, so the guide's examples
 * keep compiling and keep meaning what they say.
 */
class ReadmeStubExamplesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final GatewayTransport transport = TestTransports.create(this.gateway);

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void chatExampleStreamsHello() {
		StubResponse chat = StubResponse.sse()
			.data(StubPayloads.chatChunk("Hello"))
			.data(StubPayloads.chatFinishChunk("stop"))
			.done()
			.build();
		this.gateway.enqueue(StubRoute.CHAT_COMPLETIONS, chat);
		assertThat(ChatCompletionAccumulator
			.accumulate(new ChatCompletionsService(this.transport, "m").stream(ChatCompletionRequest.of(null, "Hi")))
			.block(WAIT)
			.text()).isEqualTo("Hello");
	}

	@Test
	void messagesExampleStreamsHello() {
		StubResponse messages = StubResponse.sse()
			.event("message_start", StubMessagesPayloads.messageStart("claude-sonnet-4-5", 10))
			.event("content_block_start", StubMessagesPayloads.textBlockStart(0))
			.event("content_block_delta", StubMessagesPayloads.textDelta(0, "Hello"))
			.event("content_block_stop", StubMessagesPayloads.contentBlockStop(0))
			.event("message_delta", StubMessagesPayloads.messageDelta("end_turn", 5))
			.event("message_stop", StubMessagesPayloads.messageStop())
			.build();
		this.gateway.enqueue(StubRoute.MESSAGES, messages);
		MessagesService service = new MessagesService(this.transport, "m", 64, "2023-06-01");
		assertThat(MessageAccumulator.accumulate(service.stream(MessageRequest.of(null, "Hi"))).block(WAIT).text())
			.isEqualTo("Hello");
	}

	@Test
	void responsesExampleStreamsHello() {
		StubResponse responses = StubResponsesPayloads
			.sse(StubResponsesPayloads.textStreamEvents("gpt-4o-mini", List.of("Hel", "lo"), 10))
			.build();
		this.gateway.enqueue(StubRoute.RESPONSES, responses);
		ResponsesService service = new ResponsesService(this.transport, "m");
		assertThat(
				ResponseAccumulator.accumulate(service.stream(ResponseRequest.of(null, "Hi"))).block(WAIT).outputText())
			.isEqualTo("Hello");
	}

	@Test
	void geminiExampleStreamsHello() {
		StubResponse gemini = StubResponse.sse()
			.crlf()
			.data(StubGeminiPayloads.textChunk("Hel"))
			.data(StubGeminiPayloads.response(List.of(StubGeminiPayloads.textPart("lo")), "STOP",
					StubGeminiPayloads.usage(3, 2, 0)))
			.build();
		this.gateway.enqueue(StubRoute.GEMINI_STREAM, gemini);
		GeminiService service = new GeminiService(this.transport, "gemini-2.5-flash");
		assertThat(GeminiAccumulator.accumulate(service.stream(GenerateContentRequest.of("Hi"))).block(WAIT).text())
			.isEqualTo("Hello");
	}

}
