package work.liaobots.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class LiaobotsAuthcodeMissingFailureAnalyzerTests {

	@Test
	void analysisNamesPropertyAndEnvironmentVariable() {
		FailureAnalysis analysis = new LiaobotsAuthcodeMissingFailureAnalyzer()
			.analyze(new LiaobotsAuthcodeMissingException());
		assertThat(analysis.getDescription()).contains("'liaobots.authcode'").contains("LIAOBOTS_AUTHCODE");
		assertThat(analysis.getAction()).contains("liaobots.authcode")
			.contains("LIAOBOTS_AUTHCODE")
			.contains("liaobots.enabled=false");
	}

	@Test
	void applicationWithoutAuthcodePrintsTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException()
			.isThrownBy(() -> application.run("--liaobots.authcode=", "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(
					"the property 'liaobots.authcode' is not set (or blank) and neither is the environment variable LIAOBOTS_AUTHCODE");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

}
