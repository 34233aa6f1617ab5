package work.liaobots.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux application that uses the Liaobots starter. Without {@code LIAOBOTS_AUTHCODE}
 * it talks to a stub gateway it starts on 127.0.0.1; with it, to the real gateway.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
