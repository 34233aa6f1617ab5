package work.liaobots.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import work.liaobots.spring.chat.ChatCompletion;
import work.liaobots.spring.chat.ChatCompletionChunk;
import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.chat.FinishReason;
import work.liaobots.spring.credits.CreditBalance;
import work.liaobots.spring.credits.UsageRecord;
import work.liaobots.spring.json.JsonModel;
import work.liaobots.spring.messages.ContentBlock;
import work.liaobots.spring.messages.Message;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.messages.MessageStreamEvent;
import work.liaobots.spring.responses.Response;
import work.liaobots.spring.responses.ResponseRequest;
import work.liaobots.spring.responses.ResponseStreamEvent;

import static org.assertj.core.api.Assertions.assertThat;

class LiaobotsRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	LiaobotsRuntimeHintsTests() {
		new LiaobotsRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyFormatsModelsCanBeBound() {
		List<Class<?>> models = List.of(ChatCompletion.class, ChatCompletion.Choice.class, ChatCompletionChunk.class,
				ChatCompletionChunk.ToolCallDelta.class, ChatCompletionRequest.class, Response.class,
				ResponseStreamEvent.class, ResponseRequest.class, Message.class, ContentBlock.class,
				MessageStreamEvent.class, MessageRequest.class, CreditBalance.class, UsageRecord.class,
				JsonModel.class);
		for (Class<?> model : models) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(model)
				.withMemberCategories(MemberCategory.ACCESS_DECLARED_FIELDS,
						MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
				.as(model.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void openValueFactoriesCanBeInvoked() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(FinishReason.class.getMethod("of", String.class))).accepts(this.hints);
	}

	@Test
	void runtimeHintsAreRegisteredByTheAutoConfiguration() {
		assertThat(LiaobotsAutoConfiguration.class
			.getAnnotation(org.springframework.context.annotation.ImportRuntimeHints.class)
			.value()).containsExactly(LiaobotsRuntimeHints.class);
	}

}
