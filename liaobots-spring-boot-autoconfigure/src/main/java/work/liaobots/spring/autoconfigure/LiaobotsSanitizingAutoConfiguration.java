package work.liaobots.spring.autoconfigure;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the auth code and the proxy password in {@code /actuator/env} and
 * {@code /actuator/configprops}, even when an application shows property values there.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class LiaobotsSanitizingAutoConfiguration {

	/** Property keys, as the endpoints name them, whose values are secrets. */
	static final Set<String> SECRET_KEYS = Set.of("liaobots.authcode", "liaobots_authcode", "liaobots.proxy.password",
			"liaobots_proxy_password");

	@Bean
	SanitizingFunction liaobotsSanitizingFunction() {
		return (data) -> {
			String key = data.getLowerCaseKey();
			boolean configurationPropertyOfBean = key.equals("authcode") || key.equals("proxy.password");
			boolean secret = SECRET_KEYS.contains(key)
					|| (configurationPropertyOfBean && data.getPropertySource() == null);
			return secret ? data.withSanitizedValue() : data;
		};
	}

}
