package work.liaobots.benchmarks;

/**
 * The sizes of one run: the full suite, or the smoke run that checks in seconds that
 * every benchmark still works.
 *
 * @param smoke whether this is the smoke run
 * @param streamTokens tokens per throughput stream
 * @param warmupRounds throughput rounds run before measuring
 * @param rounds measured throughput rounds
 * @param firstEventRequests measured requests per client for time to first event
 * @param imageBytes decoded size of the large image
 * @param concurrentStreams streams open at once in the concurrency run
 * @param concurrentTokens tokens per concurrent stream
 * @param concurrencyRounds free-running concurrency rounds
 * @param failoverRequests measured requests per failover case
 * @param stallSeconds how long the stalling-primary case sends requests
 * @param startupRuns fresh JVMs per start-up case
 */
record Settings(boolean smoke, int streamTokens, int warmupRounds, int rounds, int firstEventRequests, int imageBytes,
		int concurrentStreams, int concurrentTokens, int concurrencyRounds, int failoverRequests, int stallSeconds,
		int startupRuns) {

	static Settings fullRun() {
		return new Settings(false, 200_000, 3, 7, 300, 20 * 1024 * 1024, 2000, 200, 3, 200, 10, 7);
	}

	static Settings smokeRun() {
		return new Settings(true, 2_000, 1, 1, 5, 1024 * 1024, 50, 200, 1, 5, 2, 1);
	}

}
