package work.liaobots.spring.credits;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * One charged call in the usage history.
 */
public final class UsageRecord extends JsonModel {

	@Nullable Long id;

	@Nullable Long tokens;

	@JsonProperty("input_tokens")
	@Nullable Long inputTokens;

	@JsonProperty("output_tokens")
	@Nullable Long outputTokens;

	@Nullable String model;

	@Nullable BigDecimal price;

	@JsonProperty("cache_hit_tokens")
	@Nullable Long cacheHitTokens;

	@JsonProperty("cache_creation_tokens")
	@Nullable Long cacheCreationTokens;

	@JsonProperty("create_time")
	@Nullable Long createTime;

	@Nullable public Long id() {
		return this.id;
	}

	@Nullable public Long tokens() {
		return this.tokens;
	}

	@Nullable public Long inputTokens() {
		return this.inputTokens;
	}

	@Nullable public Long outputTokens() {
		return this.outputTokens;
	}

	@Nullable public String model() {
		return this.model;
	}

	/**
	 * Returns the credits the call cost.
	 * @return the price, or {@code null}
	 */
	@Nullable public BigDecimal price() {
		return this.price;
	}

	@Nullable public Long cacheHitTokens() {
		return this.cacheHitTokens;
	}

	@Nullable public Long cacheCreationTokens() {
		return this.cacheCreationTokens;
	}

	/**
	 * Returns when the call was made (the wire field {@code create_time}, in Unix
	 * milliseconds).
	 * @return the time, or {@code null}
	 */
	@Nullable public Instant createdAt() {
		return (this.createTime != null) ? Instant.ofEpochMilli(this.createTime) : null;
	}

}
