package dev.scopecut.support.blockkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import org.json.JSONException;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Compares rendered blocks, as Bolt serialises them for the Web API, with a golden file
 * under {@code src/test/resources/golden/<name>.json}, strictly: same fields, same
 * values, same order in arrays.
 *
 * <p>
 * Run with {@code -Dgolden.update=true} to (re)write the files instead, then review the
 * diff before committing it.
 */
public final class GoldenJson {

	/** Where golden files live, under the project directory Maven runs in. */
	public static final Path DIRECTORY = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
			"golden");

	public static final String UPDATE_PROPERTY = "golden.update";

	private GoldenJson() {
	}

	/** The blocks as Bolt sends them to Slack. */
	public static String toJson(List<? extends LayoutBlock> blocks) {
		return GsonFactory.createSnakeCase().toJson(blocks);
	}

	/**
	 * A message as {@code chat.postMessage} receives it: notification text and blocks.
	 */
	public static String toJson(String text, List<? extends LayoutBlock> blocks) {
		JsonObject message = new JsonObject();
		message.addProperty("text", text);
		message.add("blocks", JsonParser.parseString(toJson(blocks)));
		return message.toString();
	}

	public static void assertMatches(String name, List<? extends LayoutBlock> blocks) {
		assertJsonMatches(name, toJson(blocks));
	}

	public static void assertMatches(String name, String text, List<? extends LayoutBlock> blocks) {
		assertJsonMatches(name, toJson(text, blocks));
	}

	public static void assertJsonMatches(String name, String actualJson) {
		Path file = DIRECTORY.resolve(name + ".json");
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			write(file, actualJson);
			return;
		}
		if (!Files.isRegularFile(file)) {
			throw new AssertionError("No golden file " + file.toAbsolutePath() + ": run the test with -D"
					+ UPDATE_PROPERTY + "=true to write it, then review it");
		}
		try {
			JSONAssert.assertEquals(
					"golden file " + file + " (rerun with -D" + UPDATE_PROPERTY + "=true if the change is intended)",
					Files.readString(file, StandardCharsets.UTF_8), actualJson, JSONCompareMode.STRICT);
		}
		catch (JSONException ex) {
			throw new AssertionError("Not JSON: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String json) {
		String pretty = new GsonBuilder().setPrettyPrinting()
			.disableHtmlEscaping()
			.create()
			.toJson(JsonParser.parseString(json));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, pretty + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
