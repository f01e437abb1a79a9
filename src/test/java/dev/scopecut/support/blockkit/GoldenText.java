package dev.scopecut.support.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under
 * {@code src/test/resources/golden/<name>}, character for character.
 *
 * <p>
 * Run with {@code -Dgolden.update=true} to (re)write the files instead, as for
 * {@link GoldenJson}, then review the diff before committing it.
 */
public final class GoldenText {

	private GoldenText() {
	}

	/**
	 * @param name the file's name with its extension, e.g. {@code record-closed.md}
	 */
	public static void assertMatches(String name, String actual) {
		Path file = GoldenJson.DIRECTORY.resolve(name);
		try {
			if (Boolean.getBoolean(GoldenJson.UPDATE_PROPERTY)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, actual, StandardCharsets.UTF_8);
				return;
			}
			if (!Files.isRegularFile(file)) {
				throw new AssertionError("No golden file " + file.toAbsolutePath() + ": run the test with -D"
						+ GoldenJson.UPDATE_PROPERTY + "=true to write it, then review it");
			}
			assertThat(actual)
				.as("golden file %s (rerun with -D%s=true if the change is intended)", file, GoldenJson.UPDATE_PROPERTY)
				.isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
