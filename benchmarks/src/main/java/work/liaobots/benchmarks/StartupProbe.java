package work.liaobots.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Map;

import work.liaobots.spring.chat.ChatCompletionsService;

/**
 * Starts the benchmark application once in a fresh JVM and prints
 * {@code RESULT <run millis> <uptime millis>}: the time {@code SpringApplication.run}
 * took and the JVM's uptime when it returned.
 * <p>
 * Argument {@code with} starts it as an application of the starter does; {@code without}
 * excludes the starter's auto-configurations and leaves everything else, the class path
 * included, unchanged.
 */
public final class StartupProbe {

	static final String EXCLUDED = "work.liaobots.spring.autoconfigure.LiaobotsAutoConfiguration,"
			+ "work.liaobots.spring.health.LiaobotsHealthAutoConfiguration,"
			+ "work.liaobots.spring.observation.LiaobotsObservationAutoConfiguration,"
			+ "work.liaobots.spring.autoconfigure.LiaobotsSanitizingAutoConfiguration";

	private StartupProbe() {
	}

	public static void main(String[] args) {
		boolean with = args[0].equals("with");
		Map<String, Object> properties = StarterClient.properties("http://127.0.0.1:9");
		if (!with) {
			properties.put("spring.autoconfigure.exclude", EXCLUDED);
		}
		long start = System.nanoTime();
		try (StarterClient client = StarterClient.start(properties)) {
			long run = System.nanoTime() - start;
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			boolean present = client.hasBean(ChatCompletionsService.class);
			if (present != with) {
				throw new IllegalStateException("Chat service present: " + present + ", expected " + with);
			}
			System.out.println("RESULT " + run / 1_000_000 + " " + uptime);
		}
		System.exit(0);
	}

}
