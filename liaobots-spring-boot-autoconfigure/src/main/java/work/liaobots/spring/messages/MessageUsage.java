package work.liaobots.spring.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * Token counts of a message. A count the server left out is {@code null}.
 * <p>
 * Input is split three ways: {@link #inputTokens()} are uncached,
 * {@link #cacheCreationInputTokens()} were written to the prompt cache and
 * {@link #cacheReadInputTokens()} were read from it. {@link #totalInputTokens()} adds
 * them up. In a stream, {@code message_start} carries the input counts and
 * {@code message_delta} the final, cumulative output count.
 */
public final class MessageUsage extends JsonModel {

	@JsonProperty("input_tokens")
	@Nullable Integer inputTokens;

	@JsonProperty("output_tokens")
	@Nullable Integer outputTokens;

	@JsonProperty("cache_creation_input_tokens")
	@Nullable Integer cacheCreationInputTokens;

	@JsonProperty("cache_read_input_tokens")
	@Nullable Integer cacheReadInputTokens;

	@JsonProperty("cache_creation")
	@Nullable CacheCreation cacheCreation;

	@JsonProperty("server_tool_use")
	@Nullable ServerToolUsage serverToolUse;

	@JsonProperty("service_tier")
	@Nullable String serviceTier;

	/**
	 * Returns the input tokens that were neither written to nor read from the cache.
	 * @return the count, or {@code null}
	 */
	@Nullable public Integer inputTokens() {
		return this.inputTokens;
	}

	@Nullable public Integer outputTokens() {
		return this.outputTokens;
	}

	/**
	 * Returns the input tokens written to the prompt cache.
	 * @return the count, or {@code null}
	 */
	@Nullable public Integer cacheCreationInputTokens() {
		return this.cacheCreationInputTokens;
	}

	/**
	 * Returns the input tokens read from the prompt cache.
	 * @return the count, or {@code null}
	 */
	@Nullable public Integer cacheReadInputTokens() {
		return this.cacheReadInputTokens;
	}

	/**
	 * Returns the cache writes split by cache lifetime.
	 * @return the breakdown, or {@code null}
	 */
	@Nullable public CacheCreation cacheCreation() {
		return this.cacheCreation;
	}

	/**
	 * Returns how often the provider ran its own tools, such as web search.
	 * @return the counts, or {@code null}
	 */
	@Nullable public ServerToolUsage serverToolUse() {
		return this.serverToolUse;
	}

	/**
	 * Returns the service tier that served the request.
	 * @return {@code standard}, {@code priority}, {@code batch}, or {@code null}
	 */
	@Nullable public String serviceTier() {
		return this.serviceTier;
	}

	/**
	 * Returns all input tokens: uncached, written to the cache and read from it.
	 * @return the sum, counting a missing value as 0
	 */
	public int totalInputTokens() {
		return valueOf(this.inputTokens) + valueOf(this.cacheCreationInputTokens) + valueOf(this.cacheReadInputTokens);
	}

	/**
	 * Returns all input tokens plus the output tokens.
	 * @return the sum, counting a missing value as 0
	 */
	public int totalTokens() {
		return totalInputTokens() + valueOf(this.outputTokens);
	}

	/**
	 * Returns these counts updated by a later report: every value the later report sets
	 * replaces this one, because stream counts are cumulative, and every value it leaves
	 * out is kept.
	 */
	MessageUsage mergedWith(MessageUsage later) {
		MessageUsage merged = new MessageUsage();
		merged.inputTokens = pick(later.inputTokens, this.inputTokens);
		merged.outputTokens = pick(later.outputTokens, this.outputTokens);
		merged.cacheCreationInputTokens = pick(later.cacheCreationInputTokens, this.cacheCreationInputTokens);
		merged.cacheReadInputTokens = pick(later.cacheReadInputTokens, this.cacheReadInputTokens);
		merged.cacheCreation = pick(later.cacheCreation, this.cacheCreation);
		merged.serverToolUse = pick(later.serverToolUse, this.serverToolUse);
		merged.serviceTier = pick(later.serviceTier, this.serviceTier);
		this.extra().forEach(merged::putExtra);
		later.extra().forEach(merged::putExtra);
		return merged;
	}

	@Nullable private static <T> T pick(@Nullable T later, @Nullable T earlier) {
		return (later != null) ? later : earlier;
	}

	private static int valueOf(@Nullable Integer count) {
		return (count != null) ? count : 0;
	}

	/**
	 * Cache writes split by cache lifetime.
	 */
	public static final class CacheCreation extends JsonModel {

		@JsonProperty("ephemeral_5m_input_tokens")
		@Nullable Integer ephemeral5mInputTokens;

		@JsonProperty("ephemeral_1h_input_tokens")
		@Nullable Integer ephemeral1hInputTokens;

		/**
		 * Returns the input tokens cached for five minutes.
		 * @return the count, or {@code null}
		 */
		@Nullable public Integer ephemeral5mInputTokens() {
			return this.ephemeral5mInputTokens;
		}

		/**
		 * Returns the input tokens cached for one hour.
		 * @return the count, or {@code null}
		 */
		@Nullable public Integer ephemeral1hInputTokens() {
			return this.ephemeral1hInputTokens;
		}

	}

	/**
	 * How often the provider ran its own tools for the message.
	 */
	public static final class ServerToolUsage extends JsonModel {

		@JsonProperty("web_search_requests")
		@Nullable Integer webSearchRequests;

		@JsonProperty("web_fetch_requests")
		@Nullable Integer webFetchRequests;

		@Nullable public Integer webSearchRequests() {
			return this.webSearchRequests;
		}

		@Nullable public Integer webFetchRequests() {
			return this.webFetchRequests;
		}

	}

}
