package work.liaobots.spring.json;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import work.liaobots.spring.chat.ChatCompletionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonMapsTests {

	@Test
	void copyKeepsOrderAndNullValues() {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("zeta", 1);
		source.put("alpha", null);
		source.put("mid", "x");
		Map<String, Object> copy = JsonMaps.copyOf(source);
		assertThat(copy.keySet()).containsExactly("zeta", "alpha", "mid");
		assertThat(copy).containsEntry("alpha", null);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> copy.put("new", 2));
	}

	@Test
	void requestExtrasAreWrittenInTheOrderGiven() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("m")
			.extra("zeta", 1)
			.extra("alpha", 2)
			.extra("mid", 3)
			.build();
		String json = LiaobotsJson.mapper().writeValueAsString(request);
		assertThat(json.indexOf("\"zeta\"")).isLessThan(json.indexOf("\"alpha\""));
		assertThat(json.indexOf("\"alpha\"")).isLessThan(json.indexOf("\"mid\""));
	}

}
