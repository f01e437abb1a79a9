package dev.scopecut.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's Chromium, headless, driven by its own chromedriver: both paths are given, so
 * Selenium Manager never looks for (or downloads) a browser or a driver. The flags keep
 * Chromium from calling out to the network at start.
 */
final class HeadlessChromium {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/**
	 * A new browser. Without one the tests are skipped, saying what to install, or failed
	 * when the environment variable {@code CI} is {@code true}.
	 */
	static ChromeDriver start() {
		requireInstalled(System.getenv("CI"), CHROMIUM, CHROMEDRIVER);
		try {
			Path profile = Files.createTempDirectory("scopecut-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
				.usingAnyFreePort()
				.withTimeout(Duration.ofSeconds(30))
				.build();
			return new ChromeDriver(service, options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Skips the calling tests when a program is missing, but fails them on CI: there
	 * {@code .ci/run} installs the browser, and a skipped browser test would let a build
	 * pass that proved nothing.
	 */
	static void requireInstalled(String ciVariable, Path... programs) {
		List<Path> missing = Stream.of(programs).filter((program) -> !Files.isExecutable(program)).toList();
		if (missing.isEmpty()) {
			return;
		}
		String message = "browser tests need " + missing + ": Debian's chromium and chromium-driver"
				+ " (apt-get install chromium chromium-driver); .ci/run installs them";
		if ("true".equalsIgnoreCase(ciVariable)) {
			fail(message + " (failed, not skipped, since CI=true)");
		}
		abort(message);
	}

}
