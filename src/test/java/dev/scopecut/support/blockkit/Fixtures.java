package dev.scopecut.support.blockkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.slack.blocks.SlackMessage;

/** Small builders and readers the rendering tests share. */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * Ballots from {@code voter=choices}, one character an item in order: S, D, or - for
	 * no vote.
	 */
	public static Ballots ballots(String... rows) {
		Map<String, Map<Integer, Choice>> byVoter = new LinkedHashMap<>();
		for (String row : rows) {
			String[] parts = row.split("=");
			Map<Integer, Choice> choices = new LinkedHashMap<>();
			for (int i = 0; i < parts[1].length(); i++) {
				char c = parts[1].charAt(i);
				if (c != '-') {
					choices.put(i + 1, (c == 'S') ? Choice.SHIP : Choice.DEFER);
				}
			}
			byVoter.put(parts[0], choices);
		}
		return new Ballots(byVoter);
	}

	/** Every voter votes on every item, choices following the pattern, e.g. "SD". */
	public static Ballots everyoneVotes(int voters, int items, String pattern) {
		String choices = pattern.repeat(items).substring(0, items);
		return ballots(IntStream.rangeClosed(1, voters)
			.mapToObj((v) -> "U%03d=%s".formatted(v, choices))
			.toArray(String[]::new));
	}

	/**
	 * A cut of the release channel, its items numbered from 1 in order, posted; closed at
	 * {@code closedAt} unless open.
	 */
	public static Cut cut(CutRef ref, String facilitator, Instant created, String title, List<String> texts,
			CutSettings settings, CutStatus status, Instant closedAt) {
		List<Item> items = new ArrayList<>();
		texts.forEach((text) -> items.add(new Item(items.size() + 1, text)));
		return new Cut(ref, "C0RELEASE", facilitator, title, items, settings, status, created,
				(status == CutStatus.OPEN) ? null : closedAt, "1741000000.000100");
	}

	public static List<String> numberedItems(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> "item " + i).toList();
	}

	/** The message's blocks as the JSON Slack receives. */
	public static JsonArray blocksJson(SlackMessage message) {
		return JsonParser.parseString(GoldenJson.toJson(message.blocks())).getAsJsonArray();
	}

	public static List<JsonObject> ofType(JsonArray blocks, String type) {
		List<JsonObject> found = new ArrayList<>();
		blocks.forEach((block) -> {
			if (block.getAsJsonObject().get("type").getAsString().equals(type)) {
				found.add(block.getAsJsonObject());
			}
		});
		return found;
	}

}
