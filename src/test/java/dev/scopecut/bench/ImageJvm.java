package dev.scopecut.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JVM of the Docker image, reproduced without Docker: the Java release of its final
 * stage ({@code FROM eclipse-temurin:25-jre}: a JDK of that release found on this
 * machine), the options of the Dockerfile's ENTRYPOINT (read from the Dockerfile, so the
 * two cannot drift apart), the jar extracted as the image extracts it, and an
 * ahead-of-time cache made by a training run, as the image's build makes it. The baseline
 * gets the same treatment, with its own cache, so that the start-up ratio prices
 * Scopecut's own work, not the cache.
 */
final class ImageJvm {

	/**
	 * The container size the Dockerfile recommends; MaxRAM makes the JVM size itself as
	 * in one.
	 */
	static final String CONTAINER_MEMORY = "384m";

	private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$");

	private static final Pattern ENV = Pattern.compile("(?m)^ENV (\\w+)=(\\S+)$");

	private static final Pattern RELEASE = Pattern.compile("^FROM eclipse-temurin:(\\d+)-jre");

	private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

	private static final String CACHE_OPTION = "-XX:AOTCache=";

	/** Where Debian, and this machine's second JDK, keep JDKs. */
	private static final Path JDKS = Path.of("/usr/lib/jvm");

	private final Path directory;

	private final String java;

	private final List<String> options;

	private final Map<String, String> environment;

	private ImageJvm(Path directory, String java, List<String> options, Map<String, String> environment) {
		this.directory = directory;
		this.java = java;
		this.options = options;
		this.environment = environment;
	}

	/**
	 * The Dockerfile's JVM options, with the benchmark's files under {@code directory}.
	 */
	static ImageJvm of(Path dockerfile, Path directory) throws IOException {
		String text = Files.readString(dockerfile);
		// The final stage's: what the image runs with.
		String image = text.substring(text.lastIndexOf("\nFROM ") + 1);
		Matcher release = RELEASE.matcher(image);
		if (!release.find()) {
			throw new IllegalStateException("the final stage of " + dockerfile + " is not FROM eclipse-temurin:N-jre");
		}
		Matcher entrypoint = ENTRYPOINT.matcher(image);
		if (!entrypoint.find()) {
			throw new IllegalStateException("no exec-form ENTRYPOINT in " + dockerfile);
		}
		List<String> words = Stream.of(entrypoint.group(1).split(","))
			.map((word) -> word.strip().replaceAll("^\"|\"$", ""))
			.toList();
		List<String> options = words.subList(1, words.indexOf("-jar"))
			.stream()
			.filter((option) -> !option.startsWith(CACHE_OPTION))
			.toList();
		if (options.size() == words.indexOf("-jar") - 1) {
			throw new IllegalStateException("the Dockerfile's ENTRYPOINT names no " + CACHE_OPTION);
		}
		Map<String, String> environment = new LinkedHashMap<>();
		Matcher env = ENV.matcher(image);
		while (env.find()) {
			environment.put(env.group(1), env.group(2));
		}
		Files.createDirectories(directory);
		return new ImageJvm(directory, java(Integer.parseInt(release.group(1))), options, Map.copyOf(environment));
	}

	/**
	 * The {@code java} of a JDK of the image's release: {@code -Dbench.java} if given
	 * (not checked), else this JVM's own if it is one, else one under
	 * {@code /usr/lib/jvm}. The cache fits only the release that made it, and a start-up
	 * on another release would not be the image's.
	 */
	private static String java(int release) throws IOException {
		String chosen = System.getProperty("bench.java");
		if (chosen != null) {
			return chosen;
		}
		if (Runtime.version().feature() == release) {
			return Path.of(System.getProperty("java.home"), "bin", "java").toString();
		}
		if (Files.isDirectory(JDKS)) {
			try (Stream<Path> jdks = Files.list(JDKS)) {
				for (Path jdk : jdks.sorted().toList()) {
					Path releaseFile = jdk.resolve("release");
					if (Files.isRegularFile(releaseFile) && Files.isExecutable(jdk.resolve("bin/java"))) {
						Matcher version = JAVA_VERSION.matcher(Files.readString(releaseFile));
						if (version.find() && Integer.parseInt(version.group(1)) == release) {
							return jdk.resolve("bin/java").toString();
						}
					}
				}
			}
		}
		throw new IllegalStateException("the image runs Java " + release + ": install a JDK " + release + " under "
				+ JDKS + ", or name its java with -Dbench.java=/path/to/bin/java");
	}

	/** The image's JVM options, as the Dockerfile lists them, less the cache. */
	List<String> options() {
		return this.options;
	}

	/**
	 * What the image's {@code java -version} says first, e.g. "openjdk version \"25.0.3\"
	 * …".
	 */
	String version() throws IOException, InterruptedException {
		Process process = new ProcessBuilder(this.java, "-version").redirectErrorStream(true).start();
		String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return said.lines().findFirst().orElse("?").strip();
	}

	/** The image's environment variables ({@code ENV} lines). */
	Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * The packaged jar extracted as the Dockerfile extracts it (its layers merged in one
	 * directory): the app's jar, whose manifest names the libraries beside it.
	 */
	Path extract(Path bootJar) throws IOException, InterruptedException {
		Path extracted = this.directory.resolve("image");
		run(List.of(this.java, "-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--destination",
				extracted.toString(), "--application-filename", "app.jar", "--force"), "extract");
		return extracted.resolve("app.jar");
	}

	/**
	 * A jar for {@code mainClass} from the test classes, running on the libraries of the
	 * extracted app: the baseline, trained and started as the app is.
	 */
	Path jarBeside(Path appJar, Class<?> mainClass) throws IOException {
		Path lib = appJar.resolveSibling("lib");
		String classPath;
		try (Stream<Path> jars = Files.list(lib)) {
			classPath = jars.map((jar) -> "lib/" + jar.getFileName()).sorted().collect(Collectors.joining(" "));
		}
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
		Path jar = appJar.resolveSibling(mainClass.getSimpleName() + ".jar");
		String prefix = mainClass.getName().replace('.', '/');
		Path classes = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().getPath());
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				Stream<Path> all = Files.walk(classes)) {
			for (Path path : all.filter((p) -> classes.relativize(p).toString().startsWith(prefix)).toList()) {
				out.putNextEntry(new JarEntry(classes.relativize(path).toString()));
				out.write(Files.readAllBytes(path));
				out.closeEntry();
			}
		}
		return jar;
	}

	/**
	 * The training run of the image's build: starts {@code jar} with the image's options,
	 * asks it for its health once (any answer), then stops it with SIGTERM, leaving the
	 * cache its starts map (the JVM assembles it as it exits).
	 * @param port the port {@code settings} give it
	 * @param settings what the app needs to get that far
	 */
	Path cache(String name, Path jar, int port, List<String> settings) throws IOException, InterruptedException {
		Path cache = this.directory.resolve(name + ".aot");
		Files.deleteIfExists(cache);
		List<String> command = new ArrayList<>(List.of(this.java, "-XX:MaxRAM=" + CONTAINER_MEMORY));
		command.addAll(this.options);
		command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error,cds=error", "-jar", jar.toString()));
		command.addAll(settings);
		Path log = this.directory.resolve(name + "-training.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			awaitAnswer(process, port, log);
		}
		finally {
			process.destroy();
		}
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + "'s training run did not stop; see " + log);
		}
		if (!Files.exists(cache) || Files.size(cache) == 0) {
			throw new IllegalStateException("the training run of " + name + " left no cache; see " + log);
		}
		return cache;
	}

	/** Until the app answers its health request, whatever the answer. */
	private static void awaitAnswer(Process process, int port, Path log) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();
		long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (System.nanoTime() < end) {
			if (!process.isAlive()) {
				throw new IllegalStateException("a training run exited before it answered; see " + log);
			}
			try {
				http.send(health, HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				// not listening yet
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("a training run did not answer within 5 minutes; see " + log);
	}

	/**
	 * The command that starts {@code jar} as the image does, with its cache, a log of
	 * every collection, and a flight recording when {@code -Dbench.jfr=true}.
	 */
	List<String> command(String name, Path jar, Path cache, List<String> settings) {
		List<String> command = new ArrayList<>(List.of(this.java, "-XX:MaxRAM=" + CONTAINER_MEMORY));
		command.addAll(this.options);
		command.add(CACHE_OPTION + cache);
		command.add("-Xlog:gc:file=" + this.directory.resolve(name + "-gc.log"));
		if (Boolean.getBoolean("bench.jfr")) {
			command.add("-XX:StartFlightRecording=filename=" + this.directory.resolve(name + ".jfr")
					+ ",settings=profile,dumponexit=true");
		}
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(settings);
		return command;
	}

	private void run(List<String> command, String name) throws IOException, InterruptedException {
		Path log = this.directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " failed; see " + log);
		}
	}

}
