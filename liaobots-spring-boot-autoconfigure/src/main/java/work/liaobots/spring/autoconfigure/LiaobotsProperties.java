package work.liaobots.spring.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Liaobots gateway clients.
 */
@ConfigurationProperties("liaobots")
public class LiaobotsProperties {

	/** The four domains the gateway publishes, primary first. */
	static final List<URI> PUBLISHED_DOMAINS = List.of(URI.create("https://ai.liaobots.work"),
			URI.create("https://ai.liaobots1.work"), URI.create("https://ai.liaobots2.work"),
			URI.create("https://ai.liaobots3.work"));

	/**
	 * Whether to enable the Liaobots clients.
	 */
	private boolean enabled = true;

	/**
	 * Auth code (login code) sent on every call. Also read from the LIAOBOTS_AUTHCODE
	 * environment variable.
	 */
	@Nullable private String authcode;

	/**
	 * Gateway base URLs in order of preference; calls move to the next one when a domain
	 * fails. A base URL may carry a path prefix.
	 */
	private List<URI> baseUrls = new ArrayList<>(PUBLISHED_DOMAINS);

	/**
	 * Largest response body or single stream event held in memory. Also caps the length
	 * of a JSON string, so a base64 image up to this size parses.
	 */
	private DataSize maxInMemorySize = DataSize.ofMegabytes(64);

	/**
	 * Extra headers sent on every call, such as a team or tracing header.
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	private final Timeouts timeouts = new Timeouts();

	private final Retry retry = new Retry();

	private final Failover failover = new Failover();

	private final Pool pool = new Pool();

	private final Chat chat = new Chat();

	private final Responses responses = new Responses();

	private final Messages messages = new Messages();

	private final Gemini gemini = new Gemini();

	private final Credits credits = new Credits();

	private final Health health = new Health();

	private final Logging logging = new Logging();

	private final Proxy proxy = new Proxy();

	private final Ssl ssl = new Ssl();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	@Nullable public String getAuthcode() {
		return this.authcode;
	}

	public void setAuthcode(@Nullable String authcode) {
		this.authcode = authcode;
	}

	public List<URI> getBaseUrls() {
		return this.baseUrls;
	}

	public void setBaseUrls(List<URI> baseUrls) {
		this.baseUrls = baseUrls;
	}

	public DataSize getMaxInMemorySize() {
		return this.maxInMemorySize;
	}

	public void setMaxInMemorySize(DataSize maxInMemorySize) {
		this.maxInMemorySize = maxInMemorySize;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Failover getFailover() {
		return this.failover;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Chat getChat() {
		return this.chat;
	}

	public Responses getResponses() {
		return this.responses;
	}

	public Messages getMessages() {
		return this.messages;
	}

	public Gemini getGemini() {
		return this.gemini;
	}

	public Credits getCredits() {
		return this.credits;
	}

	public Health getHealth() {
		return this.health;
	}

	@Override
	public String toString() {
		return "LiaobotsProperties[enabled=" + this.enabled + ", authcode="
				+ ((this.authcode != null) ? "******" : null) + ", baseUrls=" + this.baseUrls + "]";
	}

	/**
	 * Time limits of a call.
	 */
	public static class Timeouts {

		/**
		 * Time to open a connection to a domain.
		 */
		private Duration connect = Duration.ofSeconds(10);

		/**
		 * Time from sending a request to the response headers; for a non-streaming call,
		 * to the whole body, which arrives once the model has finished.
		 */
		private Duration response = Duration.ofMinutes(5);

		/**
		 * Time from the response headers to the first stream event. Long, because
		 * reasoning models may think for minutes before the first token.
		 */
		private Duration firstEvent = Duration.ofMinutes(10);

		/**
		 * Time between two reads of a stream once its first event arrived; comments and
		 * pings count as reads.
		 */
		private Duration idle = Duration.ofMinutes(2);

		/**
		 * Time for a whole call, retries included. No limit when unset.
		 */
		@Nullable private Duration total;

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getResponse() {
			return this.response;
		}

		public void setResponse(Duration response) {
			this.response = response;
		}

		public Duration getFirstEvent() {
			return this.firstEvent;
		}

		public void setFirstEvent(Duration firstEvent) {
			this.firstEvent = firstEvent;
		}

		public Duration getIdle() {
			return this.idle;
		}

		public void setIdle(Duration idle) {
			this.idle = idle;
		}

		@Nullable public Duration getTotal() {
			return this.total;
		}

		public void setTotal(@Nullable Duration total) {
			this.total = total;
		}

	}

	/**
	 * Retry policy for transient failures (408, 409, 429, 500, 502, 503, 504, 529 and I/O
	 * failures before the response).
	 */
	public static class Retry {

		/**
		 * Maximum number of attempts per domain, the first included; 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; doubled for each further retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Largest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Fraction of each wait that is random, from 0 to 1, so clients do not retry in
		 * step.
		 */
		private double jitter = 0.25;

		/**
		 * Maximum wait a server may request with Retry-After; a longer request fails the
		 * call at once with a rate-limit error carrying the wait.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Switching between domains.
	 */
	public static class Failover {

		/**
		 * How long a domain that failed is skipped before one call tries it again.
		 */
		private Duration cooldown = Duration.ofSeconds(30);

		public Duration getCooldown() {
			return this.cooldown;
		}

		public void setCooldown(Duration cooldown) {
			this.cooldown = cooldown;
		}

	}

	/**
	 * The connection pool shared by all calls.
	 */
	public static class Pool {

		/**
		 * Maximum number of open connections per domain.
		 */
		private int maxConnections = 500;

		/**
		 * Maximum number of calls waiting for a free connection; -1 for no limit.
		 */
		private int maxPendingAcquires = -1;

		/**
		 * Time an idle pooled connection is kept. Below the idle timeouts of common load
		 * balancers (60 seconds and more), so the pool never hands out a connection a
		 * middlebox has dropped.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

		/**
		 * Maximum time a pooled connection is used before it is closed.
		 */
		private Duration maxLifeTime = Duration.ofMinutes(10);

		/**
		 * Interval of the background check that closes expired idle connections.
		 */
		private Duration evictionInterval = Duration.ofSeconds(10);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(int maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

		public Duration getEvictionInterval() {
			return this.evictionInterval;
		}

		public void setEvictionInterval(Duration evictionInterval) {
			this.evictionInterval = evictionInterval;
		}

	}

	/**
	 * OpenAI Chat Completions.
	 */
	public static class Chat {

		/**
		 * Whether to create the Chat Completions service.
		 */
		private boolean enabled = true;

		/**
		 * Model used when a request names none.
		 */
		private String defaultModel = "gpt-4o-mini";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDefaultModel() {
			return this.defaultModel;
		}

		public void setDefaultModel(String defaultModel) {
			this.defaultModel = defaultModel;
		}

	}

	/**
	 * OpenAI Responses.
	 */
	public static class Responses {

		/**
		 * Whether to create the Responses service.
		 */
		private boolean enabled = true;

		/**
		 * Model used when a request names none.
		 */
		private String defaultModel = "gpt-4o-mini";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDefaultModel() {
			return this.defaultModel;
		}

		public void setDefaultModel(String defaultModel) {
			this.defaultModel = defaultModel;
		}

	}

	/**
	 * Anthropic Messages.
	 */
	public static class Messages {

		/**
		 * Whether to create the Anthropic Messages service.
		 */
		private boolean enabled = true;

		/**
		 * Model used when a request names none.
		 */
		private String defaultModel = "claude-sonnet-4-5";

		/**
		 * Maximum tokens to generate when a request sets no max_tokens, which Anthropic
		 * requires.
		 */
		private int defaultMaxTokens = 4096;

		/**
		 * Value of the anthropic-version header sent on every call.
		 */
		private String anthropicVersion = "2023-06-01";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDefaultModel() {
			return this.defaultModel;
		}

		public void setDefaultModel(String defaultModel) {
			this.defaultModel = defaultModel;
		}

		public int getDefaultMaxTokens() {
			return this.defaultMaxTokens;
		}

		public void setDefaultMaxTokens(int defaultMaxTokens) {
			this.defaultMaxTokens = defaultMaxTokens;
		}

		public String getAnthropicVersion() {
			return this.anthropicVersion;
		}

		public void setAnthropicVersion(String anthropicVersion) {
			this.anthropicVersion = anthropicVersion;
		}

	}

	/**
	 * Gemini generateContent and streamGenerateContent.
	 */
	public static class Gemini {

		/**
		 * Whether to create the Gemini service.
		 */
		private boolean enabled = true;

		/**
		 * Model used when a request names none.
		 */
		private String defaultModel = "gemini-2.5-flash";

		/**
		 * Model used by image generation when its options name none.
		 */
		private String imageModel = "gemini-3-pro-image-preview";

		/**
		 * Aspect ratio image generation requests when a call sets none, such as 16:9. The
		 * model's default (1:1) applies when unset.
		 */
		@Nullable private String aspectRatio;

		/**
		 * Resolution image generation requests when a call sets none: 1K, 2K or 4K. The
		 * model's default (1K) applies when unset.
		 */
		@Nullable private String imageSize;

		@Nullable public String getAspectRatio() {
			return this.aspectRatio;
		}

		public void setAspectRatio(@Nullable String aspectRatio) {
			this.aspectRatio = aspectRatio;
		}

		@Nullable public String getImageSize() {
			return this.imageSize;
		}

		public void setImageSize(@Nullable String imageSize) {
			this.imageSize = imageSize;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDefaultModel() {
			return this.defaultModel;
		}

		public void setDefaultModel(String defaultModel) {
			this.defaultModel = defaultModel;
		}

		public String getImageModel() {
			return this.imageModel;
		}

		public void setImageModel(String imageModel) {
			this.imageModel = imageModel;
		}

	}

	/**
	 * The credits endpoint.
	 */
	public static class Credits {

		/**
		 * Whether to create the credits service (the health indicator needs it).
		 */
		private boolean enabled = true;

		/**
		 * Usage records fetched per page.
		 */
		private int pageSize = 50;

		/**
		 * Query parameter that carries the nextId cursor of the previous page.
		 */
		private String cursorParameter = "nextId";

		/**
		 * Balance below which model calls fail fast with an insufficient-credits error
		 * instead of reaching the gateway. No check when unset.
		 */
		@Nullable private BigDecimal minBalance;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

		public String getCursorParameter() {
			return this.cursorParameter;
		}

		public void setCursorParameter(String cursorParameter) {
			this.cursorParameter = cursorParameter;
		}

		@Nullable public BigDecimal getMinBalance() {
			return this.minBalance;
		}

		public void setMinBalance(@Nullable BigDecimal minBalance) {
			this.minBalance = minBalance;
		}

	}

	/**
	 * The liaobots health indicator.
	 */
	public static class Health {

		/**
		 * How long a health result is reused before the credits endpoint is called again.
		 */
		private Duration ttl = Duration.ofSeconds(30);

		/**
		 * Maximum wait for the credits endpoint; the indicator reports DOWN after it.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Balance below which the indicator reports LOW_BALANCE instead of UP. No such
		 * status when unset.
		 */
		@Nullable private BigDecimal lowBalanceThreshold;

		@Nullable public BigDecimal getLowBalanceThreshold() {
			return this.lowBalanceThreshold;
		}

		public void setLowBalanceThreshold(@Nullable BigDecimal lowBalanceThreshold) {
			this.lowBalanceThreshold = lowBalanceThreshold;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Diagnostic logging of the clients.
	 */
	public static class Logging {

		/**
		 * Whether to log the bytes of every exchange at TRACE in the category
		 * 'work.liaobots.spring.wiretap', with credential headers and key parameters
		 * masked.
		 */
		private boolean wiretap;

		public boolean isWiretap() {
			return this.wiretap;
		}

		public void setWiretap(boolean wiretap) {
			this.wiretap = wiretap;
		}

	}

	/**
	 * An outbound proxy for the gateway calls. Other WebClients of the application are
	 * not affected.
	 */
	public static class Proxy {

		/**
		 * Proxy protocol.
		 */
		private ProxyType type = ProxyType.HTTP;

		/**
		 * Proxy host. No proxy when unset, unless the JVM's https.proxyHost or
		 * http.proxyHost system properties are set.
		 */
		@Nullable private String host;

		/**
		 * Proxy port.
		 */
		@Nullable private Integer port;

		/**
		 * User name for proxy authentication.
		 */
		@Nullable private String username;

		/**
		 * Password for proxy authentication.
		 */
		@Nullable private String password;

		/**
		 * Hosts reached directly, bypassing the proxy; '*' matches any characters, as in
		 * '*.internal'.
		 */
		private List<String> nonProxyHosts = new ArrayList<>();

		public ProxyType getType() {
			return this.type;
		}

		public void setType(ProxyType type) {
			this.type = type;
		}

		@Nullable public String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		@Nullable public Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		@Nullable public String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		@Nullable public String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public List<String> getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(List<String> nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

		@Override
		public String toString() {
			return "Proxy[type=" + this.type + ", host=" + this.host + ", port=" + this.port + ", username="
					+ this.username + ", password=" + ((this.password != null) ? "******" : null) + "]";
		}

	}

	/**
	 * Proxy protocols.
	 */
	public enum ProxyType {

		/** An HTTP proxy; HTTPS calls tunnel through it with CONNECT. */
		HTTP,

		/** A SOCKS version 5 proxy. */
		SOCKS5

	}

	/**
	 * TLS settings of the gateway calls.
	 */
	public static class Ssl {

		/**
		 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) that supplies the trust
		 * store and, for mutual TLS, the key store. The JDK defaults apply when unset.
		 */
		@Nullable private String bundle;

		@Nullable public String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

}
