package work.liaobots.sample;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.ChatCompletionsService;
import work.liaobots.spring.test.AutoConfigureLiaobotsStubGateway;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubRoute;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uses the starter in a Spring Boot test the way an application's own tests would, with
 * the stub gateway annotation instead of the sample's embedded gateway.
 */
@SpringBootTest(properties = { "sample.gateway.mode=real", "spring.main.web-application-type=none" })
@AutoConfigureLiaobotsStubGateway
class StubGatewayAnnotationTests {

	@Autowired
	private StubGateway gateway;

	@Autowired
	private ChatCompletionsService chat;

	@BeforeEach
	void resetGateway() {
		this.gateway.reset();
	}

	@Test
	void annotationPointsTheStarterAtTheStub() {
		this.gateway.replyText("Scripted answer");
		String text = this.chat.create(ChatCompletionRequest.of(null, "Hi")).block(Duration.ofSeconds(10)).text();
		assertThat(text).isEqualTo("Scripted answer");
		assertThat(this.gateway.requests(StubRoute.CHAT_COMPLETIONS)).hasSize(1);
	}

}
