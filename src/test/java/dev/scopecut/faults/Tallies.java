package dev.scopecut.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * Counts as Redis holds them and as a cut's message shows them, in one form so the two
 * can be compared: item id to "Ship s · Defer d".
 */
final class Tallies {

	private static final Pattern COUNTS = Pattern.compile("Ship \\d+ · Defer \\d+");

	private Tallies() {
	}

	/** The counts a votes hash ("itemId:userId" to S or D) makes, for items 1 to n. */
	static Map<Integer, String> of(Map<?, ?> votes, int items) {
		Map<Integer, String> rows = new TreeMap<>();
		for (int item = 1; item <= items; item++) {
			rows.put(item, "Ship " + count(votes, item, "S") + " · Defer " + count(votes, item, "D"));
		}
		return rows;
	}

	/** The counts an open cut's message shows on each item's row. */
	static Map<Integer, String> shown(FakeSlack.Call message) {
		Map<Integer, String> rows = new TreeMap<>();
		for (JsonElement element : JsonParser.parseString(message.param("blocks")).getAsJsonArray()) {
			JsonObject block = element.getAsJsonObject();
			if (block.has("block_id") && block.get("block_id").getAsString().startsWith("item-")) {
				int item = Integer.parseInt(block.get("block_id").getAsString().substring("item-".length()));
				Matcher counts = COUNTS.matcher(block.getAsJsonObject("text").get("text").getAsString());
				rows.put(item, counts.find() ? counts.group() : "no counts");
			}
		}
		return rows;
	}

	/**
	 * The result entries a closed cut's message and its decision show: "name (s–d)" for
	 * each item, in item order.
	 */
	static List<String> results(Map<?, ?> votes, List<String> names) {
		return java.util.stream.IntStream.rangeClosed(1, names.size())
			.mapToObj((item) -> names.get(item - 1) + " (" + count(votes, item, "S") + "–" + count(votes, item, "D")
					+ ")")
			.toList();
	}

	static long count(Map<?, ?> votes, int item, String choice) {
		return votes.entrySet()
			.stream()
			.filter((vote) -> vote.getKey().toString().startsWith(item + ":") && vote.getValue().equals(choice))
			.count();
	}

}
