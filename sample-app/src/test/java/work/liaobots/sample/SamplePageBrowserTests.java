package work.liaobots.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import work.liaobots.spring.test.StubExchange;
import work.liaobots.spring.test.StubGateway;
import work.liaobots.spring.test.StubRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the sample page in headless Chromium against the embedded stub gateways, the way
 * a person uses it: chat, tool call, stop, image, usage paging, failover and the language
 * toggle. Screenshots land in {@code target/screenshots}.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages (or
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} pointing at a browser and its driver), and
 * skips otherwise. Nothing leaves 127.0.0.1: Selenium gets both paths, so it never
 * downloads a driver, and the browser runs with its background network features off.
 */
// The same configuration as SampleApplicationTests, so both share one application.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.gateway.mode=embedded", "liaobots.health.ttl=1s" })
@AutoConfigureWebTestClient
class SamplePageBrowserTests {

	private static final Path CHROMIUM = Path.of(envOr("CHROME_BIN", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(envOr("CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String SKIP_MESSAGE = "Skipping the browser tests: no Chromium at " + CHROMIUM
			+ " or no chromedriver at " + CHROMEDRIVER + ". Install them with "
			+ "'apt-get install chromium chromium-driver', or set CHROME_BIN and CHROMEDRIVER.";

	private static final Log logger = LogFactory.getLog(SamplePageBrowserTests.class);

	private static ChromeDriverService service;

	private static ChromeDriver browser;

	private static Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedGateways gateways;

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			logger.warn(SKIP_MESSAGE);
			return;
		}
		profile = Files.createTempDirectory("sample-page-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--disable-extensions", "--no-default-browser-check", "--lang=en-US",
				"--window-size=1366,1000", "--user-data-dir=" + profile);
		service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().scriptTimeout(WAIT);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (service != null) {
			service.stop();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@BeforeEach
	void openPage() {
		// Checked per test, so each skipped test is reported with the reason.
		assumeTrue(browser != null, SKIP_MESSAGE);
		browser.manage().window().setSize(new Dimension(1366, 1000));
		browser.get(pageUrl());
		script("window.localStorage.clear()");
		browser.get(pageUrl());
		waitUntil("page loaded", () -> !text("#page-label").isEmpty());
	}

	@AfterEach
	void bringPrimaryBack() {
		if (this.gateways.isPrimaryDown()) {
			this.gateways.primaryDown(false);
		}
	}

	@Test
	void pageFollowsBrowserLanguage() {
		assertThat(script("return document.documentElement.lang")).isEqualTo("en");
		assertThat(text("h1")).isEqualTo("Liaobots starter sample");
		assertThat(text("#send")).isEqualTo("Send");
	}

	@Test
	void toggleSwitchesToChinese() {
		click("#lang-toggle");
		assertThat(script("return document.documentElement.lang")).isEqualTo("zh-CN");
		assertThat(text("h1")).isEqualTo("Liaobots Starter 示例");
		assertThat(text("#send")).isEqualTo("发送");
		assertThat(text("#page-label")).isEqualTo("第 1 页");
		assertThat(text("#lang-toggle")).isEqualTo("English");

		browser.navigate().refresh();
		waitUntil("page loaded", () -> !text("#page-label").isEmpty());
		assertThat(text("h1")).as("language kept after a reload").isEqualTo("Liaobots Starter 示例");
	}

	@Test
	void chatReplyStreamsInSteps() {
		recordAnswerLengths();
		sendPrompt("Hello");
		waitForTurn("done");

		List<Number> lengths = answerLengths();
		assertThat(lengths).as("answer lengths seen while streaming").hasSizeGreaterThan(10);
		assertThat(lengths).isSortedAccordingTo(Comparator.comparingLong(Number::longValue));
		assertThat(spanMillis()).as("time from first to last token").isGreaterThan(300);
		assertThat(text(".turn:last-of-type .answer")).startsWith("Hello from the Liaobots stub gateway");
		assertThat(text(".turn:last-of-type [data-field=stopReason]")).isEqualTo("stop");
		assertThat(text(".turn:last-of-type [data-field=tokens]")).matches("\\d+ in · \\d+ out · \\d+ total");
	}

	@Test
	void weatherPromptShowsThinkingAndToolCall() {
		choose("format", "messages");
		click("#thinking");
		sendPrompt("What is the weather in Paris?");
		waitForTurn("done");

		assertThat(text(".turn:last-of-type .thinking-text")).startsWith("The stub gateway has no model behind it");
		assertThat(text(".turn:last-of-type .tool-name")).isEqualTo("get_weather");
		assertThat(text(".turn:last-of-type .tool-arguments")).contains("\"city\"", "\"unit\": \"celsius\"");
		assertThat(text(".turn:last-of-type [data-field=stopReason]")).isEqualTo("tool_use");
	}

	@Test
	void thinkingIsOffForChatCompletions() {
		assertThat(browser.findElement(By.id("thinking")).isEnabled()).isFalse();
		choose("format", "gemini");
		assertThat(browser.findElement(By.id("thinking")).isEnabled()).isTrue();
	}

	@Test
	void stopCancelsTheGatewayCall() throws InterruptedException {
		int before = chatRequests().size();
		sendPrompt("Hello");
		waitUntil("first tokens shown", () -> text(".turn:last-of-type .answer").length() > 10);
		click("#stop");
		waitForTurn("stopped");
		String stoppedAt = text(".turn:last-of-type .answer");

		List<StubExchange> calls = chatRequests();
		assertThat(calls).hasSize(before + 1);
		assertThat(calls.get(calls.size() - 1).awaitClose(WAIT.toMillis())).as("gateway connection closed after Stop")
			.isTrue();
		Thread.sleep(300);
		assertThat(text(".turn:last-of-type .answer")).as("answer after Stop").isEqualTo(stoppedAt);
		assertThat(stoppedAt).as("answer cut before its last words").doesNotContain("你好");
		assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
	}

	@Test
	void generatedImageRendersWithDownload() {
		WebElement prompt = browser.findElement(By.id("image-prompt"));
		prompt.clear();
		prompt.sendKeys("A lighthouse at dusk");
		new Select(browser.findElement(By.id("aspect-ratio"))).selectByValue("16:9");
		choose("image-size", "1K");
		click("#generate");
		waitUntil("image shown", () -> "done".equals(attribute("#image-result", "data-state")));

		assertThat(script("return document.getElementById('image').naturalWidth")).isEqualTo(1024L);
		assertThat(script("return document.getElementById('image').naturalHeight")).isEqualTo(576L);
		assertThat(attribute("#image-download", "href")).startsWith("blob:");
		assertThat(attribute("#image-download", "download")).isEqualTo("liaobots-16x9-1K.png");
		assertThat(text("#image-details")).startsWith("1024 × 576 px");
	}

	@Test
	void usageTablePagesWithNextId() {
		waitUntil("8 usage rows", () -> usageIds().size() == 8);
		List<String> firstPage = usageIds();
		assertThat(browser.findElement(By.id("prev-page")).isEnabled()).isFalse();

		click("#next-page");
		waitUntil("page 2 shown", () -> text("#page-label").equals("Page 2"));
		List<String> secondPage = usageIds();
		assertThat(secondPage).hasSize(8).doesNotContainAnyElementsOf(firstPage);
		assertThat(Long.parseLong(secondPage.get(0))).isLessThan(Long.parseLong(firstPage.get(7)));

		click("#prev-page");
		waitUntil("page 1 shown", () -> text("#page-label").equals("Page 1"));
		assertThat(usageIds()).isEqualTo(firstPage);
		assertThat(text("#balance")).isEqualTo("85.5");
		assertThat(text("#total")).isEqualTo("100");
	}

	@Test
	void statusStripShowsFailover() {
		String primary = host(this.gateways.primary());
		String backup = host(this.gateways.backup());
		waitUntil("health Up", () -> text("#health-status").equals("Up"));
		assertThat(browser.findElements(By.cssSelector("#domain-list .domain"))).hasSize(2);

		click("#primary-toggle");
		waitUntil("active domain is the backup", () -> text("#active-domain").equals(backup));
		assertThat(attribute("#domain-list .domain:first-child", "data-state")).isEqualTo("COOLING_DOWN");
		assertThat(text("#domain-list .domain:first-child .domain-name")).isEqualTo(primary);
		assertThat(text("#primary-toggle")).isEqualTo("Bring primary back");

		click("#primary-toggle");
		waitUntil("primary back up", () -> text("#primary-toggle").equals("Take primary down"));
		assertThat(this.gateways.isPrimaryDown()).isFalse();
	}

	@Test
	void screenshotsShowEveryPanel() throws IOException {
		choose("format", "gemini");
		click("#thinking");
		sendPrompt("What is the weather in Shanghai?");
		waitForTurn("done");
		sendPrompt("Hello");
		waitForTurn("done");
		click("#generate");
		waitUntil("image shown", () -> "done".equals(attribute("#image-result", "data-state")));
		waitUntil("8 usage rows", () -> usageIds().size() == 8);

		Path desktop = screenshot("sample-page-desktop.png", 1366);
		Path phone = screenshot("sample-page-phone.png", 390);
		click("#lang-toggle");
		Path chinese = screenshot("sample-page-desktop-zh.png", 1366);
		assertThat(Files.size(desktop)).isGreaterThan(10_000);
		assertThat(Files.size(phone)).isGreaterThan(10_000);
		assertThat(Files.size(chinese)).isGreaterThan(10_000);
	}

	private String pageUrl() {
		return "http://127.0.0.1:" + this.port + "/";
	}

	private void sendPrompt(String prompt) {
		WebElement input = browser.findElement(By.id("prompt"));
		input.clear();
		input.sendKeys(prompt);
		click("#send");
	}

	private void waitForTurn(String state) {
		waitUntil("last turn " + state, () -> state.equals(attribute(".turn:last-of-type", "data-state")));
	}

	/**
	 * Records the length of the last answer each time the page changes it, with the time,
	 * so the test sees the steps however slowly WebDriver polls.
	 */
	private void recordAnswerLengths() {
		script("window.answerLengths = []; window.answerTimes = [];" + "new MutationObserver(() => {"
				+ "  const answer = document.querySelector('.turn:last-of-type .answer');"
				+ "  const length = answer ? answer.textContent.length : 0;" + "  const lengths = window.answerLengths;"
				+ "  if (length > 0 && length !== lengths[lengths.length - 1]) {"
				+ "    lengths.push(length); window.answerTimes.push(performance.now());" + "  }"
				+ "}).observe(document.getElementById('transcript'),"
				+ " { subtree: true, childList: true, characterData: true });");
	}

	@SuppressWarnings("unchecked")
	private List<Number> answerLengths() {
		return (List<Number>) script("return window.answerLengths");
	}

	private double spanMillis() {
		return ((Number) script("const times = window.answerTimes; return times[times.length - 1] - times[0];"))
			.doubleValue();
	}

	private List<StubExchange> chatRequests() {
		return this.gateways.all()
			.stream()
			.flatMap((gateway) -> gateway.exchanges().stream())
			.filter((exchange) -> exchange.request().route() == StubRoute.CHAT_COMPLETIONS)
			.toList();
	}

	private List<String> usageIds() {
		return browser.findElements(By.cssSelector("#usage-table tbody tr[data-id]"))
			.stream()
			.map((row) -> row.getAttribute("data-id"))
			.toList();
	}

	private Path screenshot(String name, int width) throws IOException {
		browser.manage().window().setSize(new Dimension(width, 900));
		long height = (Long) script("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new Dimension(width, (int) Math.min(height, 4000)));
		script("window.scrollTo(0, 0)");
		Path target = SCREENSHOTS.resolve(name);
		Files.createDirectories(SCREENSHOTS);
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	private static String host(StubGateway gateway) {
		return "127.0.0.1:" + gateway.port();
	}

	/**
	 * Clicks the label of a radio button, which is what a person clicks: the button
	 * itself is transparent.
	 */
	private static void choose(String name, String value) {
		browser.findElement(By.xpath("//input[@name='" + name + "'][@value='" + value + "']/parent::label")).click();
	}

	private static void click(String selector) {
		browser.findElement(By.cssSelector(selector)).click();
	}

	private static String text(String selector) {
		List<WebElement> elements = browser.findElements(By.cssSelector(selector));
		return elements.isEmpty() ? "" : elements.get(0).getText();
	}

	private static String attribute(String selector, String name) {
		List<WebElement> elements = browser.findElements(By.cssSelector(selector));
		return elements.isEmpty() ? null : elements.get(0).getDomAttribute(name);
	}

	private static Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private static void waitUntil(String expectation, BooleanSupplier condition) {
		new WebDriverWait(browser, WAIT).withMessage(expectation).until((driver) -> condition.getAsBoolean());
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
