package work.liaobots.sample;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import work.liaobots.spring.gemini.AspectRatio;
import work.liaobots.spring.gemini.ImageOptions;
import work.liaobots.spring.gemini.ImageSize;

/**
 * Generates an image with Gemini and returns it as a data URL the page can show and
 * download.
 */
@RestController
class ImageController {

	private final GeminiAdapter gemini;

	ImageController(GeminiAdapter gemini) {
		this.gemini = gemini;
	}

	@PostMapping("/api/images")
	Mono<Map<String, Object>> generate(@RequestBody ImageForm form) {
		ImageOptions options = ImageOptions.of(AspectRatio.of(form.aspectRatio()), ImageSize.of(form.imageSize()));
		return this.gemini.generateImage(form.prompt(), options);
	}

	/**
	 * The image form of the page.
	 *
	 * @param prompt what to draw
	 * @param aspectRatio such as {@code 16:9}, or {@code null}
	 * @param imageSize {@code 1K}, {@code 2K} or {@code 4K}, or {@code null}
	 */
	record ImageForm(String prompt, String aspectRatio, String imageSize) {

	}

}
