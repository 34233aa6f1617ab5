package work.liaobots.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.TypeDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the generated configuration metadata against the properties class, so the IDE
 * descriptions and documented defaults cannot drift from the real ones.
 */
class LiaobotsPropertiesMetadataTests {

	@Test
	void everyPropertyHasADescription() throws IOException {
		List<String> missing = new ArrayList<>();
		for (JsonNode property : properties()) {
			if (property.path("description").asString("").isBlank()) {
				missing.add(property.path("name").asString());
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void documentedDefaultsAreTheRealDefaults() throws IOException {
		BeanWrapper defaults = PropertyAccessorFactory.forBeanPropertyAccess(new LiaobotsProperties());
		ApplicationConversionService conversion = new ApplicationConversionService();
		int checked = 0;
		for (JsonNode property : properties()) {
			String path = beanPath(property.path("name").asString());
			Object actual = defaults.getPropertyValue(path);
			JsonNode documented = property.get("defaultValue");
			if (documented == null) {
				assertThat(isEmpty(actual)).as("undocumented default of %s is %s", path, actual).isTrue();
				continue;
			}
			TypeDescriptor type = defaults.getPropertyTypeDescriptor(path);
			Object expected = conversion.convert(
					documented.isArray() ? String.join(",", toStrings(documented)) : documented.asString(),
					TypeDescriptor.valueOf(String.class), type);
			assertThat(actual).as("default of %s", path).isEqualTo(expected);
			checked++;
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void modelNamesAndImageSettingsHaveValueHints() throws IOException {
		JsonNode hints = metadata().path("hints");
		List<String> hinted = new ArrayList<>();
		hints.forEach((hint) -> hinted.add(hint.path("name").asString()));
		assertThat(hinted).contains("liaobots.chat.default-model", "liaobots.responses.default-model",
				"liaobots.messages.default-model", "liaobots.gemini.default-model", "liaobots.gemini.image-model",
				"liaobots.gemini.image-size", "liaobots.gemini.aspect-ratio");
		List<String> names = new ArrayList<>();
		properties().forEach((property) -> names.add(property.path("name").asString()));
		assertThat(names).containsAll(hinted);
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof java.util.Map<?, ?> map && map.isEmpty())
				|| (value instanceof java.util.Collection<?> collection && collection.isEmpty());
	}

	private static List<String> toStrings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static String beanPath(String name) {
		String path = name.substring("liaobots.".length());
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : path.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	private static JsonNode properties() throws IOException {
		return metadata().path("properties");
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream metadata = LiaobotsPropertiesMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(metadata);
		}
	}

}
