package work.liaobots.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;

import work.liaobots.spring.gemini.Blob;
import work.liaobots.spring.gemini.GeminiAccumulator;
import work.liaobots.spring.gemini.GeminiService;
import work.liaobots.spring.gemini.GenerateContentRequest;
import work.liaobots.spring.gemini.GenerateContentResponse;

/**
 * Receives one Gemini response carrying a large image in a JVM of its own and prints the
 * heap it took: {@code RESULT <idle> <sampled peak> <pool peak sum>} in bytes.
 * <p>
 * Arguments: the client ({@code starter} or {@code raw}), {@code stream} or
 * {@code whole}, the server's base URL and the image size in bytes. One small image is
 * read first so that classes are loaded and connections open before the idle level is
 * taken. The decoded image stays reachable until the peak is read, as it would in an
 * application that uses it.
 */
public final class ImageProbe {

	private static final Duration LIMIT = Duration.ofMinutes(2);

	private static final int WARMUP_SIZE = 64 * 1024;

	private ImageProbe() {
	}

	public static void main(String[] args) throws Exception {
		String client = args[0];
		boolean streamed = args[1].equals("stream");
		URI baseUrl = URI.create(args[2]);
		int size = Integer.parseInt(args[3]);
		long expectedChecksum = Workload.imageChecksum(size);
		try (StarterClient starter = client.equals("starter") ? StarterClient.start(baseUrl) : null;
				RawClient raw = client.equals("raw") ? new RawClient(baseUrl) : null) {
			Receiver receiver = (starter != null) ? new StarterReceiver(starter.bean(GeminiService.class))
					: new RawReceiver(raw);
			check(receiver.receive("image-" + WARMUP_SIZE, streamed), WARMUP_SIZE, Workload.imageChecksum(WARMUP_SIZE));
			long idle = HeapMeter.usedAfterGc();
			Object image;
			long sampledPeak;
			long poolPeak;
			try (HeapMeter meter = HeapMeter.start()) {
				image = receiver.receive("image-" + size, streamed);
				sampledPeak = meter.sampledPeak();
				poolPeak = meter.poolPeakSum();
			}
			check(image, size, expectedChecksum);
			System.out.println("RESULT " + idle + " " + sampledPeak + " " + poolPeak);
		}
		System.exit(0);
	}

	private static void check(Object image, int size, long expectedChecksum) {
		CRC32 crc = new CRC32();
		int length;
		if (image instanceof Blob blob) {
			crc.update(blob.asReadOnlyBuffer());
			length = blob.size();
		}
		else {
			byte[] bytes = (byte[]) image;
			crc.update(bytes);
			length = bytes.length;
		}
		if (length != size || crc.getValue() != expectedChecksum) {
			throw new IllegalStateException("Image differs: " + length + " bytes read, " + size + " sent");
		}
	}

	private interface Receiver {

		Object receive(String model, boolean streamed);

	}

	private record StarterReceiver(GeminiService service) implements Receiver {

		@Override
		public Object receive(String model, boolean streamed) {
			GenerateContentRequest request = GenerateContentRequest.of(model, "Draw");
			GenerateContentResponse response = streamed
					? GeminiAccumulator.accumulate(this.service.stream(request)).block(LIMIT)
					: this.service.create(request).block(LIMIT);
			List<Blob> images = response.images();
			return images.get(0);
		}

	}

	private record RawReceiver(RawClient raw) implements Receiver {

		@Override
		public Object receive(String model, boolean streamed) {
			return (streamed ? this.raw.streamedImage(model) : this.raw.image(model)).block(LIMIT);
		}

	}

}
