package work.liaobots.spring.json;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import work.liaobots.spring.chat.ChatCompletionRequest;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.messages.MessageRequest;
import work.liaobots.spring.responses.ResponseRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a request of each format that carries fields the client does not model and writes
 * it back, so nothing an application adds to a request is lost.
 */
class RequestRoundTripTests {

	private final JsonMapper mapper = LiaobotsJson.mapper();

	static Stream<Arguments> requests() {
		return Stream.of(Arguments.of(ChatCompletionRequest.class,
				"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\",\"x_note\":1}],"
						+ "\"temperature\":0.2,\"prediction\":{\"type\":\"content\",\"content\":\"x\"},\"brand_new\":true}"),
				Arguments.of(ResponseRequest.class,
						"{\"model\":\"gpt-4o-mini\",\"input\":\"Hi\",\"truncation\":\"auto\","
								+ "\"include\":[\"reasoning.encrypted_content\"],\"brand_new\":{\"a\":[1,2]}}"),
				Arguments.of(MessageRequest.class,
						"{\"model\":\"claude-x\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
								+ "\"service_tier\":\"auto\",\"brand_new\":null}"),
				Arguments.of(GenerateContentRequest.class,
						"{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}],"
								+ "\"cachedContent\":\"cachedContents/1\",\"labels\":{\"team\":\"search\"}}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requests")
	void unknownFieldsSurviveReadAndWrite(Class<?> type, String json) {
		Object request = this.mapper.readValue(json, type);
		JsonNode written = this.mapper.valueToTree(request);
		JsonNode original = this.mapper.readTree(json);
		original.properties().forEach((field) -> {
			if (!field.getValue().isNull()) {
				assertThat(written.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
			}
		});
		assertThat(written.has("extra")).isFalse();
	}

}
