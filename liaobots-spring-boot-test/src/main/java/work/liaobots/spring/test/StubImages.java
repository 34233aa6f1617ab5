package work.liaobots.spring.test;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * Draws the PNG images the stub returns for image requests: a gradient with the prompt
 * written on it, sized by Gemini's {@code imageConfig}. Works in a headless JVM because
 * it draws into a {@link BufferedImage} only.
 */
final class StubImages {

	private static final int PIXELS_PER_K = 1024;

	private static final Pattern WRAP_TOKEN = Pattern.compile("\\p{IsHan}|[^\\s\\p{IsHan}]+\\s*|\\s+");

	private StubImages() {
	}

	/**
	 * Returns the pixel size for an aspect ratio and image size: the long side is 1024
	 * pixels per K ({@code 1K}, {@code 2K}, {@code 4K}), the short side follows the
	 * ratio.
	 * @param aspectRatio {@code width:height}, such as {@code 16:9}, where anything else
	 * means 1:1
	 * @param imageSize {@code 1K}, {@code 2K} or {@code 4K} in either case, where
	 * anything else means 1K
	 * @return the width and height
	 */
	static int[] dimensions(String aspectRatio, String imageSize) {
		int longSide = PIXELS_PER_K * sizeFactor(imageSize);
		double[] ratio = ratio(aspectRatio);
		if (ratio[0] >= ratio[1]) {
			return new int[] { longSide, (int) Math.round(longSide * ratio[1] / ratio[0]) };
		}
		return new int[] { (int) Math.round(longSide * ratio[0] / ratio[1]), longSide };
	}

	/**
	 * Draws an image and encodes it as PNG.
	 * @param prompt the text written on the image
	 * @param aspectRatio the aspect ratio
	 * @param imageSize the image size
	 * @return the PNG bytes
	 */
	static byte[] png(String prompt, String aspectRatio, String imageSize) {
		int[] size = dimensions(aspectRatio, imageSize);
		BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			drawGradient(graphics, size[0], size[1], prompt);
			drawText(graphics, size[0], size[1], prompt);
		}
		finally {
			graphics.dispose();
		}
		return encode(image);
	}

	private static int sizeFactor(String imageSize) {
		String normalized = (imageSize != null) ? imageSize.strip().toUpperCase(Locale.ROOT) : "";
		return switch (normalized) {
			case "2K" -> 2;
			case "4K" -> 4;
			default -> 1;
		};
	}

	private static double[] ratio(String aspectRatio) {
		if (aspectRatio != null) {
			String[] sides = aspectRatio.strip().split(":");
			try {
				double width = Double.parseDouble(sides[0]);
				double height = (sides.length == 2) ? Double.parseDouble(sides[1]) : 0;
				if (width > 0 && height > 0) {
					return new double[] { width, height };
				}
			}
			catch (NumberFormatException ex) {
				// Not a ratio: fall through to square.
			}
		}
		return new double[] { 1, 1 };
	}

	/**
	 * Fills the image with a diagonal gradient whose colours follow from the prompt, so
	 * different prompts give visibly different images and the same prompt the same one.
	 */
	private static void drawGradient(Graphics2D graphics, int width, int height, String prompt) {
		float hue = (prompt.hashCode() & 0xffff) / (float) 0xffff;
		Color from = Color.getHSBColor(hue, 0.65f, 0.95f);
		Color to = Color.getHSBColor((hue + 0.35f) % 1f, 0.8f, 0.45f);
		graphics.setPaint(new GradientPaint(0, 0, from, width, height, to));
		graphics.fillRect(0, 0, width, height);
	}

	private static void drawText(Graphics2D graphics, int width, int height, String prompt) {
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, Math.min(width, height) / 14)));
		FontMetrics metrics = graphics.getFontMetrics();
		List<String> lines = wrap(prompt.isBlank() ? "(empty prompt)" : prompt.strip(), metrics, width * 8 / 10);
		int lineHeight = metrics.getHeight();
		int y = (height - lineHeight * lines.size()) / 2 + metrics.getAscent();
		for (String line : lines) {
			int x = (width - metrics.stringWidth(line)) / 2;
			graphics.setColor(new Color(0, 0, 0, 110));
			graphics.drawString(line, x + 3, y + 3);
			graphics.setColor(Color.WHITE);
			graphics.drawString(line, x, y);
			y += lineHeight;
		}
		graphics.setFont(graphics.getFont().deriveFont(Font.PLAIN, Math.max(10f, lineHeight / 3f)));
		graphics.drawString("Liaobots stub gateway · " + width + "×" + height, lineHeight / 3, height - lineHeight / 3);
	}

	/**
	 * Breaks text into lines no wider than {@code maxWidth}, between words or between
	 * Chinese characters, which have no spaces.
	 */
	private static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		Matcher tokens = WRAP_TOKEN.matcher(text);
		while (tokens.find()) {
			String token = tokens.group();
			if (line.length() > 0 && metrics.stringWidth(line + token.stripTrailing()) > maxWidth) {
				lines.add(line.toString().strip());
				line.setLength(0);
			}
			line.append(token);
		}
		if (line.length() > 0) {
			lines.add(line.toString().strip());
		}
		return lines;
	}

	private static byte[] encode(BufferedImage image) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to encode the stub image as PNG", ex);
		}
		return bytes.toByteArray();
	}

}
