package work.liaobots.spring.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void secondsAreRead() {
		assertThat(parse("Retry-After", "2")).isEqualTo(Duration.ofSeconds(2));
		assertThat(parse("Retry-After", "86400")).isEqualTo(Duration.ofHours(24));
		assertThat(parse("Retry-After", "1.5")).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void millisecondsHeaderWins() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("retry-after-ms", "1500");
		headers.set("Retry-After", "30");
		assertThat(RetryAfter.parse(headers, null, this.clock)).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void httpDateIsReadRelativeToNow() {
		String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(Instant.parse("2026-12-04T10:00:03Z").atOffset(ZoneOffset.UTC));
		assertThat(parse("Retry-After", inThreeSeconds)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void pastDateMeansNoWait() {
		assertThat(parse("Retry-After", "Fri, 04 Dec 2026 09:00:00 GMT")).isEqualTo(Duration.ZERO);
	}

	@Test
	void geminiRetryDelayIsReadFromBody() {
		assertThat(RetryAfter.parse(new HttpHeaders(), "38s", this.clock)).isEqualTo(Duration.ofSeconds(38));
		assertThat(RetryAfter.parse(new HttpHeaders(), "0.5s", this.clock)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void garbageIsIgnored() {
		assertThat(parse("Retry-After", "soon")).isNull();
		assertThat(parse("Retry-After", "-5")).isNull();
		assertThat(parse("retry-after-ms", "NaN")).isNull();
	}

	private Duration parse(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(name, value);
		return RetryAfter.parse(headers, null, this.clock);
	}

}
