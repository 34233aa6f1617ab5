package work.liaobots.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CannedToolCallTests {

	private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{"
			+ "\"city\":{\"type\":\"string\",\"description\":\"City name\"},"
			+ "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]},"
			+ "\"days\":{\"type\":\"integer\"},\"optional\":{\"type\":\"string\"}},"
			+ "\"required\":[\"city\",\"unit\",\"days\"],\"additionalProperties\":false}";

	private static final String ARGUMENTS = "{\"city\":\"example\",\"unit\":\"celsius\",\"days\":0}";

	private static final String WEATHER_QUESTION = "What is the weather in Paris?";

	@Test
	void argumentsFillRequiredPropertiesOnly() {
		JsonNode schema = StubPayloads.MAPPER.readTree("{\"type\":\"object\",\"properties\":{"
				+ "\"fixed\":{\"const\":\"c\"},\"preset\":{\"type\":\"string\",\"default\":\"d\"},"
				+ "\"sample\":{\"type\":\"string\",\"examples\":[\"e\",\"f\"]},\"flag\":{\"type\":\"boolean\"},"
				+ "\"tags\":{\"type\":\"array\"},\"score\":{\"type\":\"number\"},"
				+ "\"place\":{\"type\":\"object\",\"properties\":{\"lat\":{\"type\":\"NUMBER\"}},\"required\":[\"lat\"]},"
				+ "\"skipped\":{\"type\":\"string\"}},"
				+ "\"required\":[\"fixed\",\"preset\",\"sample\",\"flag\",\"tags\",\"score\",\"place\"]}");
		assertThat(CannedToolCall.sampleValue(schema).toString())
			.isEqualTo("{\"fixed\":\"c\",\"preset\":\"d\",\"sample\":\"e\",\"flag\":false,\"tags\":[],\"score\":0,"
					+ "\"place\":{\"lat\":0}}");
	}

	@Test
	void argumentPiecesJoinToArguments() {
		CannedToolCall call = new CannedToolCall("get_weather", ARGUMENTS);
		assertThat(call.argumentPieces()).hasSizeGreaterThan(3);
		assertThat(String.join("", call.argumentPieces())).isEqualTo(ARGUMENTS);
	}

	@Test
	void chatStreamCallsFirstFunction() {
		String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"" + WEATHER_QUESTION + "\"}]," + chatTools() + "}";
		List<JsonNode> chunks = dataEvents(
				new CannedReplies().chatCompletions(request(StubRoute.CHAT_COMPLETIONS, "/v1/chat/completions", body)));
		StringBuilder arguments = new StringBuilder();
		List<String> finishReasons = new ArrayList<>();
		for (JsonNode chunk : chunks) {
			JsonNode choice = chunk.path("choices").path(0);
			for (JsonNode call : choice.path("delta").path("tool_calls")) {
				arguments.append(call.path("function").path("arguments").asString());
			}
			if (choice.hasNonNull("finish_reason")) {
				finishReasons.add(choice.path("finish_reason").asString());
			}
		}
		JsonNode firstCall = chunks.get(1).path("choices").path(0).path("delta").path("tool_calls").path(0);
		assertThat(firstCall.path("id").asString()).isEqualTo(CannedReplies.CHAT_CALL_ID);
		assertThat(firstCall.path("function").path("name").asString()).isEqualTo("get_weather");
		assertThat(arguments.toString()).isEqualTo(ARGUMENTS);
		assertThat(finishReasons).containsExactly("tool_calls");
		assertThat(chunks.get(chunks.size() - 1).path("usage").path("completion_tokens").asInt()).isPositive();
	}

	@Test
	void chatWholeReplyCarriesToolCall() {
		String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + WEATHER_QUESTION
				+ "\"}]," + chatTools() + "}";
		JsonNode completion = json(
				new CannedReplies().chatCompletions(request(StubRoute.CHAT_COMPLETIONS, "/v1/chat/completions", body)));
		JsonNode choice = completion.path("choices").path(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(choice.path("message").path("content").isNull()).isTrue();
		JsonNode function = choice.path("message").path("tool_calls").path(0).path("function");
		assertThat(function.path("name").asString()).isEqualTo("get_weather");
		assertThat(function.path("arguments").asString()).isEqualTo(ARGUMENTS);
	}

	@Test
	void chatToolResultGetsTextAnswer() {
		String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
				+ "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
				+ "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},"
				+ "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"21 C\"}]," + chatTools() + "}";
		JsonNode choice = json(
				new CannedReplies().chatCompletions(request(StubRoute.CHAT_COMPLETIONS, "/v1/chat/completions", body)))
			.path("choices")
			.path(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		assertThat(choice.path("message").path("content").asString()).startsWith("Hello from the Liaobots stub");
	}

	@Test
	void chatToolChoiceNoneGetsTextAnswer() {
		String body = "{\"model\":\"gpt-4o-mini\",\"tool_choice\":\"none\",\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"" + WEATHER_QUESTION + "\"}]," + chatTools() + "}";
		JsonNode choice = json(
				new CannedReplies().chatCompletions(request(StubRoute.CHAT_COMPLETIONS, "/v1/chat/completions", body)))
			.path("choices")
			.path(0);
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
	}

	@Test
	void responsesStreamCallsFirstFunction() {
		String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"input\":\"" + WEATHER_QUESTION + "\","
				+ "\"tools\":[{\"type\":\"web_search\"},{\"type\":\"function\",\"name\":\"get_weather\","
				+ "\"parameters\":" + SCHEMA + "}]}";
		List<JsonNode> events = dataEvents(ResponsesCannedReplies
			.reply(request(StubRoute.RESPONSES, "/v1/responses", body), "unused", Duration.ZERO));
		StringBuilder arguments = new StringBuilder();
		List<String> types = new ArrayList<>();
		for (JsonNode event : events) {
			types.add(event.path("type").asString());
			if ("response.function_call_arguments.delta".equals(event.path("type").asString())) {
				arguments.append(event.path("delta").asString());
			}
		}
		assertThat(arguments.toString()).isEqualTo(ARGUMENTS);
		assertThat(types).doesNotContain("response.output_text.delta")
			.contains("response.output_item.done")
			.endsWith("response.completed");
		JsonNode output = events.get(events.size() - 1).path("response").path("output").path(0);
		assertThat(output.path("type").asString()).isEqualTo("function_call");
		assertThat(output.path("name").asString()).isEqualTo("get_weather");
		assertThat(output.path("call_id").asString()).isEqualTo(ResponsesCannedReplies.CALL_ID);
		assertThat(output.path("arguments").asString()).isEqualTo(ARGUMENTS);
	}

	@Test
	void responsesFunctionOutputGetsTextAnswer() {
		String body = "{\"model\":\"gpt-4o-mini\",\"input\":[{\"type\":\"message\",\"role\":\"user\","
				+ "\"content\":\"Weather?\"},{\"type\":\"function_call\",\"call_id\":\"call_1\","
				+ "\"name\":\"get_weather\",\"arguments\":\"{}\"},{\"type\":\"function_call_output\","
				+ "\"call_id\":\"call_1\",\"output\":\"21 C\"}],"
				+ "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":" + SCHEMA + "}]}";
		JsonNode response = json(ResponsesCannedReplies.reply(request(StubRoute.RESPONSES, "/v1/responses", body),
				"Sunny", Duration.ZERO));
		assertThat(response.path("output").path(0).path("type").asString()).isEqualTo("message");
	}

	@Test
	void messagesStreamThinksThenUsesTool() {
		String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,\"stream\":true,"
				+ "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"" + WEATHER_QUESTION + "\"}]," + messagesTools()
				+ "}";
		List<JsonNode> events = dataEvents(MessagesCannedReplies.reply(messagesRequest(body), "unused", Duration.ZERO));

		StringBuilder thinking = new StringBuilder();
		StringBuilder input = new StringBuilder();
		List<String> deltaTypes = new ArrayList<>();
		for (JsonNode event : events) {
			JsonNode delta = event.path("delta");
			String type = delta.path("type").asString("");
			if ("content_block_delta".equals(event.path("type").asString())) {
				deltaTypes.add(type);
			}
			thinking.append(delta.path("thinking").asString(""));
			input.append(delta.path("partial_json").asString(""));
		}

		assertThat(thinking.toString()).isEqualTo(CannedReplies.THINKING_TEXT);
		assertThat(input.toString()).isEqualTo(ARGUMENTS);
		assertThat(deltaTypes).startsWith("thinking_delta")
			.contains("signature_delta")
			.endsWith("input_json_delta")
			.doesNotContain("text_delta");
		JsonNode toolStart = events.stream()
			.filter((event) -> "tool_use".equals(event.path("content_block").path("type").asString("")))
			.findFirst()
			.orElseThrow();
		assertThat(toolStart.path("index").asInt()).isEqualTo(1);
		assertThat(toolStart.path("content_block").path("name").asString()).isEqualTo("get_weather");
		JsonNode messageDelta = events.get(events.size() - 2);
		assertThat(messageDelta.path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
	}

	@Test
	void messagesWholeReplyWithThinkingHasTwoBlocks() {
		String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,"
				+ "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
		JsonNode message = json(MessagesCannedReplies.reply(messagesRequest(body), "Hello", Duration.ZERO));
		assertThat(message.path("content").path(0).path("type").asString()).isEqualTo("thinking");
		assertThat(message.path("content").path(0).path("signature").asString()).isNotEmpty();
		assertThat(message.path("content").path(1).path("text").asString()).isEqualTo("Hello");
		assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
	}

	@Test
	void messagesToolResultGetsTextAnswer() {
		String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,\"messages\":["
				+ "{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\",\"content\":["
				+ "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}]},"
				+ "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
				+ "\"content\":\"21 C\"}]}]," + messagesTools() + "}";
		JsonNode message = json(MessagesCannedReplies.reply(messagesRequest(body), "Sunny", Duration.ZERO));
		assertThat(message.path("content").path(0).path("text").asString()).isEqualTo("Sunny");
	}

	@Test
	void messagesServerToolGetsTextAnswer() {
		String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,\"messages\":[{\"role\":\"user\","
				+ "\"content\":\"Search\"}],\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]}";
		JsonNode message = json(MessagesCannedReplies.reply(messagesRequest(body), "Found", Duration.ZERO));
		assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
	}

	@Test
	void geminiStreamSendsThoughtsThenSignedCall() {
		String path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
		String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + WEATHER_QUESTION + "\"}]}],"
				+ "\"generationConfig\":{\"thinkingConfig\":{\"includeThoughts\":true}}," + geminiTools() + "}";
		StubResponse response = GeminiCannedReplies.reply(new RecordedRequest(StubRoute.GEMINI_STREAM, "POST", path,
				"alt=sse", Map.of(), bytes(body), Instant.now()), "unused", Duration.ZERO);
		List<JsonNode> events = dataEvents(response);
		StringBuilder thoughts = new StringBuilder();
		for (JsonNode event : events.subList(0, events.size() - 1)) {
			JsonNode part = event.path("candidates").path(0).path("content").path("parts").path(0);
			assertThat(part.path("thought").asBoolean()).isTrue();
			thoughts.append(part.path("text").asString());
		}
		JsonNode last = events.get(events.size() - 1).path("candidates").path(0);
		JsonNode call = last.path("content").path("parts").path(0);
		assertThat(thoughts.toString()).isEqualTo(CannedReplies.THINKING_TEXT);
		assertThat(call.path("functionCall").path("name").asString()).isEqualTo("get_weather");
		assertThat(call.path("functionCall").path("args").toString()).isEqualTo(ARGUMENTS);
		assertThat(call.path("thoughtSignature").asString()).isEqualTo(GeminiCannedReplies.THOUGHT_SIGNATURE);
		assertThat(last.path("finishReason").asString()).isEqualTo("STOP");
	}

	@Test
	void geminiFunctionResponseGetsTextAnswer() {
		String path = "/v1beta/models/gemini-2.5-flash:generateContent";
		String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather?\"}]},"
				+ "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{}}}]},"
				+ "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"get_weather\","
				+ "\"response\":{\"celsius\":21}}}]}]," + geminiTools() + "}";
		JsonNode response = json(GeminiCannedReplies.reply(
				new RecordedRequest(StubRoute.GEMINI_GENERATE, "POST", path, "", Map.of(), bytes(body), Instant.now()),
				"Sunny", Duration.ZERO));
		JsonNode part = response.path("candidates").path(0).path("content").path("parts").path(0);
		assertThat(part.path("text").asString()).isEqualTo("Sunny");
	}

	private static String chatTools() {
		return "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":" + SCHEMA
				+ "}},{\"type\":\"function\",\"function\":{\"name\":\"second\",\"parameters\":{}}}]";
	}

	private static String messagesTools() {
		return "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"},"
				+ "{\"name\":\"get_weather\",\"input_schema\":" + SCHEMA + "}]";
	}

	private static String geminiTools() {
		return "\"tools\":[{\"googleSearch\":{}},{\"functionDeclarations\":[{\"name\":\"get_weather\","
				+ "\"parametersJsonSchema\":" + SCHEMA + "}]}]";
	}

	private static RecordedRequest request(StubRoute route, String path, String body) {
		return new RecordedRequest(route, "POST", path, "", Map.of(), bytes(body), Instant.now());
	}

	private static RecordedRequest messagesRequest(String body) {
		return new RecordedRequest(StubRoute.MESSAGES, "POST", "/v1/messages", "",
				Map.of("anthropic-version", List.of("2023-06-01")), bytes(body), Instant.now());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static JsonNode json(StubResponse response) {
		return StubPayloads.MAPPER.readTree(new String(response.bodyBytes(), StandardCharsets.UTF_8));
	}

	/**
	 * Returns the JSON data of every SSE event, skipping {@code [DONE]}.
	 */
	private static List<JsonNode> dataEvents(StubResponse response) {
		List<JsonNode> events = new ArrayList<>();
		for (String line : new String(response.bodyBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
			if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
				events.add(StubPayloads.MAPPER.readTree(line.substring("data: ".length())));
			}
		}
		return events;
	}

}
