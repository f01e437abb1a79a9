package dev.scopecut.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's training run and its ENTRYPOINT agree: Java uses an ahead-of-time
 * cache only with the class path and the options that shape it (the GC, the heap's
 * layout) it was made with, else it logs a warning and loads every class again; the whole
 * lists are kept equal, which is simpler than knowing which options count, so the two
 * lists are written twice and checked here to be one.
 */
class DockerfileTests {

	static final Path DOCKERFILE = Path.of(System.getProperty("basedir", "."), "Dockerfile");

	private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$");

	/** The training run's {@code java -XX:MaxRAM=… -jar}, across its continued lines. */
	private static final Pattern TRAINING = Pattern.compile("java (-XX:MaxRAM=\\S+ )((?:-\\S+\\s+(?:\\\\\\s+)?)+)-jar");

	/** The final stage: the image's training run and ENTRYPOINT, on its one JRE. */
	private final String dockerfile = finalStage(read());

	@Test
	void theTrainingRunHasTheEntrypointsOptionsAndWritesTheCacheItReads() {
		List<String> entrypoint = entrypoint();
		List<String> training = training();

		assertThat(without(training, "-XX:AOTCacheOutput=", "-Xlog:"))
			.isEqualTo(without(entrypoint.subList(1, entrypoint.indexOf("-jar")), "-XX:AOTCache="));
		String cache = entrypoint.stream().filter((word) -> word.startsWith("-XX:AOTCache=")).findFirst().orElseThrow();
		assertThat(training).contains(cache.replace("-XX:AOTCache=", "-XX:AOTCacheOutput="));
		assertThat(this.dockerfile).contains("test -s " + cache.substring("-XX:AOTCache=".length()));
	}

	@Test
	void theImageRunsTheJavaReleaseItsCacheWasMadeOn() {
		// One final stage: the training run and the ENTRYPOINT share its JRE.
		assertThat(this.dockerfile).startsWith("FROM eclipse-temurin:25-jre").contains("RUN ");
		assertThat(this.dockerfile).as("JVM options from the environment would reach the ENTRYPOINT only")
			.doesNotContainPattern("(?m)^ENV (JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS)=");
	}

	private List<String> entrypoint() {
		Matcher matcher = ENTRYPOINT.matcher(this.dockerfile);
		assertThat(matcher.find()).as("an exec-form ENTRYPOINT").isTrue();
		return Stream.of(matcher.group(1).split(",")).map((word) -> word.strip().replaceAll("^\"|\"$", "")).toList();
	}

	private List<String> training() {
		Matcher matcher = TRAINING.matcher(this.dockerfile);
		assertThat(matcher.find()).as("a training run, java … -jar").isTrue();
		return Stream.of(matcher.group(2).split("\\s+")).filter((word) -> !word.equals("\\")).toList();
	}

	private static List<String> without(List<String> options, String... prefixes) {
		return options.stream().filter((option) -> Stream.of(prefixes).noneMatch(option::startsWith)).toList();
	}

	private static String finalStage(String dockerfile) {
		// Comments dropped: an option named in one is not an option used.
		return dockerfile.substring(dockerfile.lastIndexOf("\nFROM ") + 1).replaceAll("(?m)^#.*\n", "");
	}

	private static String read() {
		try {
			return Files.readString(DOCKERFILE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
