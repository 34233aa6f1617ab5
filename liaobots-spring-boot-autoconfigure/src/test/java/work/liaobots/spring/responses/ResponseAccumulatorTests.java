package work.liaobots.spring.responses;

import java.util.List;

import org.junit.jupiter.api.Test;

import work.liaobots.spring.json.LiaobotsJson;
import work.liaobots.spring.test.StubResponsesPayloads;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseAccumulatorTests {

	@Test
	void emptyAccumulatorReturnsEmptyResponse() {
		Response response = new ResponseAccumulator().result();
		assertThat(response.object()).isEqualTo("response");
		assertThat(response.output()).isEmpty();
		assertThat(response.outputText()).isEmpty();
	}

	@Test
	void snapshotGivesIdAndStatusBeforeTerminal() {
		Response response = fold(StubResponsesPayloads.created("m"), StubResponsesPayloads.inProgress("m"));
		assertThat(response.id()).isEqualTo(StubResponsesPayloads.RESPONSE_ID);
		assertThat(response.status()).isEqualTo(ResponseStatus.IN_PROGRESS);
		assertThat(response.usage()).isNull();
	}

	@Test
	void deltasWithoutAnnouncedItemStartAMessage() {
		Response response = fold(StubResponsesPayloads.textDelta("msg_9", 0, 0, "Hel"),
				StubResponsesPayloads.textDelta("msg_9", 0, 0, "lo"));
		ResponseOutputItem item = response.output().get(0);
		assertThat(item.id()).isEqualTo("msg_9");
		assertThat(item.type()).isEqualTo(ResponseOutputItem.MESSAGE);
		assertThat(item.role()).isEqualTo("assistant");
		assertThat(item.content().get(0).type()).isEqualTo(ResponseContentPart.OUTPUT_TEXT);
		assertThat(response.outputText()).isEqualTo("Hello");
	}

	@Test
	void itemIdFindsItemWhenIndexIsMissing() {
		Response response = fold(StubResponsesPayloads.messageAdded(0, "msg_1"),
				"{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"content_index\":0,\"delta\":\"ok\"}");
		assertThat(response.output()).hasSize(1);
		assertThat(response.outputText()).isEqualTo("ok");
	}

	@Test
	void itemsAreOrderedByOutputIndex() {
		Response response = fold(StubResponsesPayloads.textDelta("msg_b", 1, 0, "second"),
				StubResponsesPayloads.textDelta("msg_a", 0, 0, "first "));
		assertThat(response.output()).extracting(ResponseOutputItem::id).containsExactly("msg_a", "msg_b");
		assertThat(response.outputText()).isEqualTo("first second");
	}

	@Test
	void textDoneReplacesJoinedDeltas() {
		Response response = fold(StubResponsesPayloads.messageAdded(0, "msg_1"),
				StubResponsesPayloads.textDelta("msg_1", 0, 0, "Helo"),
				StubResponsesPayloads.textDone("msg_1", 0, 0, "Hello"));
		assertThat(response.outputText()).isEqualTo("Hello");
	}

	@Test
	void doneItemWinsOverDeltas() {
		Response response = fold(StubResponsesPayloads.messageAdded(0, "msg_1"),
				StubResponsesPayloads.textDelta("msg_1", 0, 0, "Helo"),
				StubResponsesPayloads.messageDone(0, "msg_1", "Hello"));
		assertThat(response.output().get(0).status()).isEqualTo(ResponseStatus.COMPLETED);
		assertThat(response.outputText()).isEqualTo("Hello");
	}

	@Test
	void deltasFillDoneItemWithoutContent() {
		String doneWithoutContent = "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":"
				+ "{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[]}}";
		Response response = fold(StubResponsesPayloads.messageAdded(0, "msg_1"),
				StubResponsesPayloads.textDelta("msg_1", 0, 0, "Hello"), doneWithoutContent);
		assertThat(response.output().get(0).status()).isEqualTo(ResponseStatus.COMPLETED);
		assertThat(response.outputText()).isEqualTo("Hello");
	}

	@Test
	void finalResponseOutputWins() {
		Response response = fold(StubResponsesPayloads.created("m"),
				StubResponsesPayloads.textDelta("msg_1", 0, 0, "draft"),
				StubResponsesPayloads.completed(StubResponsesPayloads.response("m", "final", 1, 1)));
		assertThat(response.outputText()).isEqualTo("final");
		assertThat(response.status()).isEqualTo(ResponseStatus.COMPLETED);
		assertThat(response).isEqualTo(
				LiaobotsJson.mapper().readValue(StubResponsesPayloads.response("m", "final", 1, 1), Response.class));
	}

	@Test
	void reasoningSummaryAndTextAreJoined() {
		Response response = fold(
				"{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}}",
				"{\"type\":\"response.reasoning_summary_part.added\",\"item_id\":\"rs_1\",\"output_index\":0,"
						+ "\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"\"}}",
				"{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,"
						+ "\"summary_index\":0,\"delta\":\"Compare \"}",
				"{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,"
						+ "\"summary_index\":0,\"delta\":\"the options\"}",
				"{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,"
						+ "\"summary_index\":1,\"delta\":\"Then decide\"}",
				"{\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs_1\",\"output_index\":0,"
						+ "\"content_index\":0,\"delta\":\"raw thought\"}",
				StubResponsesPayloads.textDelta("msg_1", 1, 0, "Answer"));
		ResponseOutputItem reasoning = response.output().get(0);
		assertThat(reasoning.type()).isEqualTo(ResponseOutputItem.REASONING);
		assertThat(reasoning.summary()).extracting(ResponseContentPart::type)
			.containsExactly(ResponseContentPart.SUMMARY_TEXT, ResponseContentPart.SUMMARY_TEXT);
		assertThat(reasoning.summary()).extracting(ResponseContentPart::text)
			.containsExactly("Compare the options", "Then decide");
		assertThat(reasoning.content()).extracting(ResponseContentPart::type, ResponseContentPart::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ResponseContentPart.REASONING_TEXT, "raw thought"));
		assertThat(response.outputText()).isEqualTo("Answer");
	}

	@Test
	void refusalDeltasBuildRefusalPart() {
		Response response = fold(StubResponsesPayloads.messageAdded(0, "msg_1"),
				"{\"type\":\"response.content_part.added\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
						+ "\"part\":{\"type\":\"refusal\",\"refusal\":\"\"}}",
				"{\"type\":\"response.refusal.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"I can't \"}",
				"{\"type\":\"response.refusal.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"help\"}");
		ResponseContentPart part = response.output().get(0).content().get(0);
		assertThat(part.type()).isEqualTo(ResponseContentPart.REFUSAL);
		assertThat(part.refusal()).isEqualTo("I can't help");
		assertThat(response.outputText()).isEmpty();
	}

	@Test
	void refusalDoneReplacesDeltas() {
		Response response = fold(
				"{\"type\":\"response.refusal.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"No\"}",
				"{\"type\":\"response.refusal.done\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"refusal\":\"No.\"}");
		assertThat(response.output().get(0).content().get(0).refusal()).isEqualTo("No.");
	}

	@Test
	void annotationEventsAreAddedToPart() {
		Response response = fold(StubResponsesPayloads.messageAdded(0, "msg_1"),
				StubResponsesPayloads.textPartAdded("msg_1", 0, 0),
				StubResponsesPayloads.textDelta("msg_1", 0, 0, "See the docs."),
				"{\"type\":\"response.output_text.annotation.added\",\"item_id\":\"msg_1\",\"output_index\":0,"
						+ "\"content_index\":0,\"annotation_index\":0,\"annotation\":{\"type\":\"url_citation\","
						+ "\"url\":\"https://example.com\",\"start_index\":8,\"end_index\":12}}");
		List<Object> annotations = response.output().get(0).content().get(0).annotations();
		assertThat(annotations).hasSize(1);
		assertThat(annotations.get(0).toString()).contains("url_citation").contains("https://example.com");
	}

	@Test
	void functionNameFromArgumentsDoneFillsUnannouncedCall() {
		Response response = fold(StubResponsesPayloads.argumentsDelta("fc_1", 0, "{\"a\":"),
				StubResponsesPayloads.argumentsDone("fc_1", 0, "lookup", "{\"a\":1}"));
		ResponseOutputItem call = response.functionCalls().get(0);
		assertThat(call.name()).isEqualTo("lookup");
		assertThat(call.arguments()).isEqualTo("{\"a\":1}");
	}

	@Test
	void unknownAndUntypedEventsChangeNothing() {
		Response before = fold(StubResponsesPayloads.textDelta("msg_1", 0, 0, "ok"));
		Response after = fold(StubResponsesPayloads.textDelta("msg_1", 0, 0, "ok"),
				"{\"type\":\"response.web_search_call.searching\",\"item_id\":\"ws_1\",\"output_index\":1}",
				"{\"item_id\":\"msg_1\",\"output_index\":0,\"delta\":\"lost\"}");
		assertThat(after).isEqualTo(before);
	}

	@Test
	void earlierResultIsNotChangedByLaterEvents() {
		ResponseAccumulator accumulator = new ResponseAccumulator();
		accumulator.add(event(StubResponsesPayloads.created("m")));
		accumulator.add(event(StubResponsesPayloads.textDelta("msg_1", 0, 0, "Hel")));
		Response early = accumulator.result();
		accumulator.add(event(StubResponsesPayloads.textDelta("msg_1", 0, 0, "lo")));
		accumulator.add(event(StubResponsesPayloads.textDelta("msg_2", 1, 0, "!")));
		assertThat(early.outputText()).isEqualTo("Hel");
		assertThat(early.output()).hasSize(1);
		assertThat(accumulator.result().outputText()).isEqualTo("Hello!");
	}

	@Test
	void eventsThemselvesAreNotChanged() {
		ResponseStreamEvent added = event(StubResponsesPayloads.messageAdded(0, "msg_1"));
		String before = added.toString();
		ResponseAccumulator accumulator = new ResponseAccumulator().add(added);
		accumulator.add(event(StubResponsesPayloads.textDelta("msg_1", 0, 0, "text")));
		accumulator.result();
		assertThat(added).hasToString(before);
		assertThat(added.item().content()).isEmpty();
	}

	private static Response fold(String... events) {
		ResponseAccumulator accumulator = new ResponseAccumulator();
		for (String event : events) {
			accumulator.add(event(event));
		}
		return accumulator.result();
	}

	private static ResponseStreamEvent event(String json) {
		return LiaobotsJson.mapper().readValue(json, ResponseStreamEvent.class);
	}

}
