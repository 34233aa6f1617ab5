package work.liaobots.spring.observation;

/**
 * Token counts of one call in OpenTelemetry GenAI terms: input tokens include cached and
 * cache-creation tokens, output tokens include reasoning tokens.
 *
 * @param inputTokens the tokens read
 * @param outputTokens the tokens generated
 */
public record TokenUsage(long inputTokens, long outputTokens) {

	/**
	 * Returns the sum of input and output tokens.
	 * @return the total
	 */
	public long totalTokens() {
		return this.inputTokens + this.outputTokens;
	}

}
