package work.liaobots.spring.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import work.liaobots.spring.json.LiaobotsJson;

import static org.assertj.core.api.Assertions.assertThat;

class SseDataTests {

	private static final ObjectReader TREE = LiaobotsJson.mapper().readerFor(JsonNode.class);

	@Test
	void releasingParseReadsSegmentedEvent() {
		char[] filler = new char[3 * SseData.SEGMENT_SIZE];
		Arrays.fill(filler, 'A');
		SseData data = data("{\"id\":\"resp-1\",\"data\":\"" + new String(filler) + "\",\"tail\":7}");

		JsonNode parsed = data.parseReleasing(TREE);

		assertThat(parsed.path("id").asString()).isEqualTo("resp-1");
		assertThat(parsed.path("data").asString()).hasSize(filler.length);
		assertThat(parsed.path("tail").asInt()).isEqualTo(7);
	}

	@Test
	void releasingParseReadsSmallEvent() {
		SseData data = data("{\"id\":\"small\"}");

		assertThat(data.<JsonNode>parseReleasing(TREE).path("id").asString()).isEqualTo("small");
	}

	@Test
	void urlSafeBase64FoundInLongRun() {
		String base64 = "A".repeat(100) + "-_" + "B".repeat(100);

		assertThat(data("{\"data\":\"" + base64 + "\"}").mayContainUrlSafeBase64()).isTrue();
	}

	@Test
	void shortNamesWithDashesAreNotBase64() {
		String json = "{\"modelVersion\":\"gemini-2.5-flash-image\",\"responseId\":\"a_b-c\",\"data\":\""
				+ "A+/".repeat(100) + "\"}";

		assertThat(data(json).mayContainUrlSafeBase64()).isFalse();
	}

	private static SseData data(String text) {
		SseData data = new SseData();
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		data.append(bytes, 0, bytes.length);
		return data;
	}

}
