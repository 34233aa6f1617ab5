package work.liaobots.spring.autoconfigure;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Registers reflection hints for every wire model of the starter, so Jackson can bind
 * them in a GraalVM native image. The model classes are found by scanning the format
 * packages when the hints are built, so a new model cannot be forgotten.
 */
public class LiaobotsRuntimeHints implements RuntimeHintsRegistrar {

	/** Packages whose classes are read from or written to JSON. */
	static final List<String> MODEL_PACKAGES = List.of("work.liaobots.spring.chat", "work.liaobots.spring.responses",
			"work.liaobots.spring.messages", "work.liaobots.spring.gemini", "work.liaobots.spring.credits",
			"work.liaobots.spring.json");

	private static final MemberCategory[] BINDING = { MemberCategory.ACCESS_DECLARED_FIELDS,
			MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS,
			MemberCategory.INVOKE_PUBLIC_METHODS };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
		for (String modelPackage : MODEL_PACKAGES) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(modelPackage)) {
				register(hints, candidate.getBeanClassName(), classLoader);
			}
		}
	}

	private static void register(RuntimeHints hints, @Nullable String className, @Nullable ClassLoader classLoader) {
		if (className == null || !ClassUtils.isPresent(className, classLoader)) {
			return;
		}
		Class<?> type = ClassUtils.resolveClassName(className, classLoader);
		if (!type.isInterface() && !type.isAnnotation()) {
			hints.reflection().registerType(type, BINDING);
		}
	}

}
