package work.liaobots.spring.resilience;

import java.util.List;

final class FormatFixtures {

	private FormatFixtures() {
	}

	static List<FormatFixture> streaming() {
		return List.of(new ChatFixture(), new ResponsesFixture(), new MessagesFixture(), new GeminiFixture());
	}

}
