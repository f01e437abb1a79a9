package dev.scopecut.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.blockkit.GoldenJson;

/**
 * Ship and Defer weigh the same everywhere Scopecut draws them (the cut's message, My
 * votes, the reminder, the ballot, the Home tab): no golden surface styles any element
 * {@code primary}, which Slack paints green and which would nudge towards Ship in a tool
 * whose rule is "when in doubt, cut".
 */
class EqualWeightTests {

	@Test
	void noGoldenMessageOrViewStylesAnElementPrimary() throws IOException {
		List<String> primary = new ArrayList<>();
		List<Path> goldens;
		try (Stream<Path> files = Files.list(GoldenJson.DIRECTORY)) {
			goldens = files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		for (Path golden : goldens) {
			collectPrimary(JsonParser.parseString(Files.readString(golden)), golden.getFileName().toString(), primary);
		}

		assertThat(goldens).extracting((file) -> file.getFileName().toString())
			.contains("cut-open-named.json", "cut-open-large.json", "my-votes-open.json", "reminder-dm.json",
					"ballot-modal.json", "home.json");
		assertThat(primary).isEmpty();
	}

	private static void collectPrimary(JsonElement json, String where, List<String> found) {
		if (json.isJsonArray()) {
			json.getAsJsonArray().forEach((element) -> collectPrimary(element, where, found));
		}
		else if (json.isJsonObject()) {
			json.getAsJsonObject().entrySet().forEach((entry) -> {
				if (entry.getKey().equals("style") && entry.getValue().isJsonPrimitive()
						&& entry.getValue().getAsString().equals("primary")) {
					found.add(where);
				}
				collectPrimary(entry.getValue(), where, found);
			});
		}
	}

}
