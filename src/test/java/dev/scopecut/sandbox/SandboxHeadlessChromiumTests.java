package dev.scopecut.sandbox;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Browser tests without a browser: skipped on a developer's machine, failed on CI, where
 * a skipped browser test would let a build pass that proved nothing.
 */
class SandboxHeadlessChromiumTests {

	private static final Path MISSING = Path.of("/nonexistent/chromium");

	private static final Path INSTALLED = Path.of("/bin/sh");

	@Test
	void aMissingBrowserFailsTheTestsWhenCiIsTrue() {
		assertThatThrownBy(() -> HeadlessChromium.requireInstalled("true", INSTALLED, MISSING))
			.isInstanceOf(AssertionFailedError.class)
			.hasMessageContaining(MISSING.toString())
			.hasMessageContaining("CI=true");
	}

	@Test
	void aMissingBrowserSkipsTheTestsOnADevelopersMachine() {
		assertThatThrownBy(() -> HeadlessChromium.requireInstalled(null, MISSING))
			.isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("apt-get install chromium chromium-driver");
		assertThatThrownBy(() -> HeadlessChromium.requireInstalled("false", MISSING))
			.isInstanceOf(TestAbortedException.class);
	}

	@Test
	void anInstalledBrowserRunsTheTestsEverywhere() {
		assertThatCode(() -> HeadlessChromium.requireInstalled("true", INSTALLED)).doesNotThrowAnyException();
		assertThatCode(() -> HeadlessChromium.requireInstalled(null, INSTALLED)).doesNotThrowAnyException();
	}

}
