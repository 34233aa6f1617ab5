package work.liaobots.spring.transport;

import org.jspecify.annotations.Nullable;

/**
 * Removes the auth code from text that may echo it, such as a provider error message.
 */
public final class SecretMasker {

	/** Text that replaces a secret. */
	public static final String MASK = "******";

	private final String secret;

	public SecretMasker(String secret) {
		this.secret = secret;
	}

	/**
	 * Returns {@code text} with every occurrence of the auth code replaced.
	 * @param text the text, or {@code null}
	 * @return the masked text, or {@code null}
	 */
	@Nullable public String mask(@Nullable String text) {
		if (text == null || this.secret.isEmpty() || !text.contains(this.secret)) {
			return text;
		}
		return text.replace(this.secret, MASK);
	}

}
