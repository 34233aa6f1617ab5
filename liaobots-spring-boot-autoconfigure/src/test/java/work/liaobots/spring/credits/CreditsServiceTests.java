package work.liaobots.spring.credits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

import work.liaobots.spring.test.RecordedRequest;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubPayloads;
import work.liaobots.spring.test.StubResponse;
import work.liaobots.spring.test.StubRoute;
import work.liaobots.spring.transport.TestTransports;

import static org.assertj.core.api.Assertions.assertThat;

class CreditsServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StubGateway gateway = StubGateway.start();

	private final CreditsService credits = new CreditsService(TestTransports.create(this.gateway), 50, "nextId");

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void balanceReadsBalanceAndTotal() {
		this.gateway.credits(85.5, 100.0);
		CreditBalance balance = this.credits.balance().block(WAIT);
		assertThat(balance.balance()).isEqualByComparingTo(new BigDecimal("85.5"));
		assertThat(balance.total()).isEqualByComparingTo(new BigDecimal("100.0"));
		RecordedRequest request = this.gateway.requests().get(0);
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/api/v1/credits");
		assertThat(request.header("authorization")).isEqualTo("Bearer " + StubGateway.DEFAULT_AUTHCODE);
	}

	@Test
	void usageFollowsCursorAcrossPages() {
		this.gateway.usageRecords(StubPayloads.usageRecords(137));
		List<UsageRecord> records = this.credits.usage(50).collectList().block(WAIT);
		assertThat(records).hasSize(137);
		assertThat(records).extracting(UsageRecord::id)
			.doesNotHaveDuplicates()
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
		List<RecordedRequest> requests = this.gateway.requests(StubRoute.CREDITS);
		assertThat(requests).hasSize(3);
		assertThat(requests.get(0).queryParameter("include_usage")).isEqualTo("true");
		assertThat(requests.get(0).queryParameter("pageSize")).isEqualTo("50");
		assertThat(requests.get(0).queryParameter("nextId")).isNull();
		assertThat(requests.get(1).queryParameter("nextId")).isEqualTo(String.valueOf(records.get(50).id()));
	}

	@Test
	void usageFetchesPagesOnlyOnDemand() {
		List<UsageRecord> first = this.credits.usage(50).take(10).collectList().block(WAIT);
		assertThat(first).hasSize(10);
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(1);
	}

	@Test
	void usageRecordFieldsAreTyped() {
		UsageRecord record = this.credits.usage(5).blockFirst(WAIT);
		ObjectNode expected = StubPayloads.usageRecords(1).get(0);
		assertThat(record.id()).isEqualTo(expected.path("id").asLong());
		assertThat(record.inputTokens()).isEqualTo(expected.path("input_tokens").asLong());
		assertThat(record.model()).isEqualTo(expected.path("model").asString());
		assertThat(record.price()).isEqualByComparingTo(expected.path("price").decimalValue());
		assertThat(record.createdAt()).isEqualTo(Instant.ofEpochMilli(expected.path("create_time").asLong()));
	}

	@Test
	void usageStopsOnRepeatedCursor() {
		String page = "{\"data\":{\"balance\":1,\"amount\":2,\"usage\":{\"pageSize\":1,\"nextId\":\"5\",\"list\":[{\"id\":6}]}}}";
		this.gateway.respond(StubRoute.CREDITS, (request) -> StubResponse.json(page));
		StepVerifier.create(this.credits.usage(1)).expectNextCount(2).verifyComplete();
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(2);
	}

	@Test
	void usageStopsOnEmptyPage() {
		String page = "{\"data\":{\"balance\":1,\"amount\":2,\"usage\":{\"pageSize\":1,\"nextId\":\"5\",\"list\":[]}}}";
		this.gateway.respond(StubRoute.CREDITS, (request) -> StubResponse.json(page));
		StepVerifier.create(this.credits.usage(1)).verifyComplete();
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(1);
	}

	@Test
	void usageStopsOnEmptyCursor() {
		this.gateway.usageRecords(StubPayloads.usageRecords(3));
		StepVerifier.create(this.credits.usage(10)).expectNextCount(3).verifyComplete();
		assertThat(this.gateway.requests(StubRoute.CREDITS)).hasSize(1);
	}

	@Test
	void cursorParameterNameIsConfigurable() {
		this.gateway.cursorParameter("lastId");
		CreditsService service = new CreditsService(TestTransports.create(this.gateway), 50, "lastId");
		assertThat(service.usage(50).collectList().block(WAIT)).hasSize(137);
		assertThat(this.gateway.requests(StubRoute.CREDITS).get(1).queryParameter("lastId")).isNotNull();
	}

}
