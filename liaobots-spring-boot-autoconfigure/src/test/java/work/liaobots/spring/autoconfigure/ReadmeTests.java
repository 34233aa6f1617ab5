package work.liaobots.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the English and Chinese READMEs against the configuration metadata the build
 * generates, so their property tables cannot drift from the starter, and against each
 * other, so the two guides stay in step.
 * <p>
 * The property table is the one whose header starts with "property" (English) or "属性"
 * (Chinese). Each row starts with the property name in backticks. Its second cell
 * contains the default, each value in backticks, or no backticks when there is no
 * default.
 */
class ReadmeTests {

	private static final Pattern TABLE_HEADER = Pattern.compile("^\\|\\s*(property|属性)\\s*\\|");

	private static final Pattern PROPERTY_ROW = Pattern.compile("^\\|\\s*`(liaobots\\.[^`]+)`\\s*\\|([^|]*)\\|");

	private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

	private static final Pattern MAVEN_COMMAND = Pattern.compile("\\./mvnw[^`\\n#]*");

	private static final Set<String> SET_UP_COMMANDS = Set.of("./mvnw -pl sample-app -am spring-boot:run",
			"./mvnw verify");

	@Test
	void englishTableListsEveryProperty() throws IOException {
		List<String> rows = propertyRows(readme("README.md"));
		Set<String> documented = new LinkedHashSet<>(rows);
		Set<String> generated = metadataDefaults().keySet();

		assertThat(rows).as("properties listed twice").doesNotHaveDuplicates();
		assertThat(generated).as("properties missing from README.md").isSubsetOf(documented);
		assertThat(documented).as("README.md rows that are not properties").isSubsetOf(generated);
	}

	@Test
	void englishTableShowsGeneratedDefaults() throws IOException {
		Map<String, List<String>> documented = propertyTable(readme("README.md"));
		Map<String, List<String>> generated = metadataDefaults();
		for (Map.Entry<String, List<String>> property : generated.entrySet()) {
			assertThat(documented.get(property.getKey())).as("default of %s in README.md", property.getKey())
				.isEqualTo(property.getValue());
		}
	}

	@Test
	void chineseTableMatchesEnglishTable() throws IOException {
		List<String> chineseRows = propertyRows(readme("README.zh-CN.md"));
		Map<String, List<String>> english = new TreeMap<>(propertyTable(readme("README.md")));
		Map<String, List<String>> chinese = new TreeMap<>(propertyTable(readme("README.zh-CN.md")));

		assertThat(chineseRows).as("properties listed twice in README.zh-CN.md").doesNotHaveDuplicates();
		assertThat(chinese.keySet()).as("properties of README.zh-CN.md").isEqualTo(english.keySet());
		assertThat(chinese).as("defaults of README.zh-CN.md").isEqualTo(english);
	}

	@Test
	void readmesShowOnlyTheSetUpCommands() throws IOException {
		for (String name : List.of("README.md", "README.zh-CN.md")) {
			assertThat(mavenCommands(readme(name))).as("./mvnw commands in %s", name).isEqualTo(SET_UP_COMMANDS);
		}
	}

	@Test
	void readmesLinkEachOtherAndBenchmarks() throws IOException {
		assertThat(readme("README.md")).contains("(README.zh-CN.md)", "(BENCHMARKS.md)");
		assertThat(readme("README.zh-CN.md")).contains("(README.md)", "(BENCHMARKS.md)");
	}

	private static List<String> propertyRows(String readme) {
		List<String> names = new ArrayList<>();
		for (String line : propertyTableLines(readme)) {
			Matcher row = PROPERTY_ROW.matcher(line);
			if (row.find()) {
				names.add(row.group(1));
			}
		}
		return names;
	}

	/**
	 * Returns the lines of the property table, from its header to the first line that is
	 * not a table row.
	 */
	private static List<String> propertyTableLines(String readme) {
		List<String> lines = new ArrayList<>();
		boolean inTable = false;
		for (String line : readme.split("\n")) {
			if (TABLE_HEADER.matcher(line).find()) {
				inTable = true;
			}
			else if (inTable && !line.startsWith("|")) {
				break;
			}
			if (inTable) {
				lines.add(line);
			}
		}
		assertThat(lines).as("property table").isNotEmpty();
		return lines;
	}

	/**
	 * Returns each documented property with the values in backticks of its default cell.
	 */
	private static Map<String, List<String>> propertyTable(String readme) {
		Map<String, List<String>> table = new LinkedHashMap<>();
		for (String line : propertyTableLines(readme)) {
			Matcher row = PROPERTY_ROW.matcher(line);
			if (row.find()) {
				List<String> values = new ArrayList<>();
				Matcher code = CODE_SPAN.matcher(row.group(2));
				while (code.find()) {
					values.add(code.group(1));
				}
				table.put(row.group(1), values);
			}
		}
		return table;
	}

	private static Set<String> mavenCommands(String readme) {
		Set<String> commands = new LinkedHashSet<>();
		Matcher command = MAVEN_COMMAND.matcher(readme);
		while (command.find()) {
			commands.add(command.group().strip());
		}
		return commands;
	}

	/**
	 * Returns every property of the generated metadata with its default as text: one
	 * value, the elements of a list, or none.
	 */
	private static Map<String, List<String>> metadataDefaults() throws IOException {
		Map<String, List<String>> defaults = new TreeMap<>();
		try (InputStream metadata = ReadmeTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).path("properties")) {
				List<String> values = new ArrayList<>();
				JsonNode value = property.path("defaultValue");
				if (value.isArray()) {
					value.forEach((element) -> values.add(element.asString()));
				}
				else if (!value.isMissingNode() && !value.isNull()) {
					values.add(value.asString());
				}
				defaults.put(property.path("name").asString(), values);
			}
		}
		assertThat(defaults).as("properties in the generated metadata").hasSizeGreaterThan(40);
		return defaults;
	}

	/**
	 * Reads a README from the repository root, the nearest folder above the working
	 * directory that contains both guides.
	 */
	private static String readme(String name) throws IOException {
		Path folder = Path.of("").toAbsolutePath();
		while (folder != null && !Files.exists(folder.resolve("README.zh-CN.md"))) {
			folder = folder.getParent();
		}
		assertThat(folder).as("repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
		return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
	}

}
