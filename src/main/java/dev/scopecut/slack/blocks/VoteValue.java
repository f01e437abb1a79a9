package dev.scopecut.slack.blocks;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CutId;

/**
 * What a vote button carries: {@code K7M2Q|3|S}, the cut, the item and the choice. It
 * comes back from the client, so it is parsed strictly; the workspace is never read from
 * it but from the signed request.
 */
public record VoteValue(CutId cut, int itemId, Choice choice) {

	/** Compiled once: every vote click is parsed, and String.matches compiles anew. */
	private static final Pattern ITEM_ID = Pattern.compile("[1-9][0-9]{0,4}");

	public String encode() {
		return this.cut + "|" + this.itemId + "|" + (this.choice == Choice.SHIP ? "S" : "D");
	}

	public static Optional<VoteValue> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String[] parts = value.split("\\|", -1);
		if (parts.length != 3 || !ITEM_ID.matcher(parts[1]).matches()
				|| !(parts[2].equals("S") || parts[2].equals("D"))) {
			return Optional.empty();
		}
		Choice choice = parts[2].equals("S") ? Choice.SHIP : Choice.DEFER;
		// CutId.parse forgives case and spaces, as people type; a value must be exact
		return CutId.parse(parts[0])
			.filter((cut) -> cut.value().equals(parts[0]))
			.map((cut) -> new VoteValue(cut, Integer.parseInt(parts[1]), choice));
	}

}
