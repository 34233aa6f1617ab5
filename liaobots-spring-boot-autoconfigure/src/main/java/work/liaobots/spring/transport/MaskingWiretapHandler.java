package work.liaobots.spring.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;

/**
 * A Netty wiretap that logs the bytes of each exchange as text with credential header
 * lines and {@code key=} parameters masked. Netty's own {@link LoggingHandler} prints
 * headers as they are, auth code included. A secret split across two network reads can
 * escape the masking of echoed bodies; credential headers are masked by name in any case.
 */
@ChannelHandler.Sharable
public final class MaskingWiretapHandler extends LoggingHandler {

	private static final int MAX_LOGGED_BYTES = 16 * 1024;

	private final SecretMasker masker;

	/**
	 * Creates the handler.
	 * @param category the log category
	 * @param masker masks the auth code wherever a server echoes it in a body
	 */
	public MaskingWiretapHandler(String category, SecretMasker masker) {
		super(category, LogLevel.TRACE);
		this.masker = masker;
	}

	@Override
	protected String format(ChannelHandlerContext context, String eventName, Object message) {
		ByteBuf content = (message instanceof ByteBuf buffer) ? buffer
				: (message instanceof ByteBufHolder holder) ? holder.content() : null;
		if (content == null) {
			return this.masker.mask(SensitiveData.maskHttpText(super.format(context, eventName, message)));
		}
		int length = Math.min(content.readableBytes(), MAX_LOGGED_BYTES);
		String text = content.toString(content.readerIndex(), length, StandardCharsets.UTF_8);
		String truncated = (length < content.readableBytes()) ? " ...(" + content.readableBytes() + " bytes)" : "";
		return context.channel() + " " + eventName + ": " + content.readableBytes() + "B\n"
				+ this.masker.mask(SensitiveData.maskHttpText(text)) + truncated;
	}

}
