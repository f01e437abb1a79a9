package dev.scopecut.cut;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cut that follows a closed one, as its form is opened: the title with its version
 * bumped, and the deferred items first, each with its last counts and in how many cuts in
 * a row it has been deferred; the shipped ones are left out, as is the release question
 * (the next release has its own).
 */
public record NextCut(Cut parent, String title, List<Carried> carried) {

	/**
	 * A version at the end of a title: dotted numbers ({@code 0.1}, {@code 2.3.4}), or
	 * numbers after a {@code v} ({@code v2}, {@code v1.9}), after a space or nothing.
	 */
	private static final Pattern VERSION = Pattern.compile("(^|\\s)(v\\d+(?:\\.\\d+)*|\\d+(?:\\.\\d+)+)$");

	private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)$");

	/**
	 * A deferred item of the parent.
	 *
	 * @param deferredInARow how many cuts in a row deferred it, the parent included
	 */
	public record Carried(Outcome outcome, int deferredInARow) {

		public String text() {
			return this.outcome.item().text();
		}

	}

	public NextCut {
		Objects.requireNonNull(parent, "parent");
		Objects.requireNonNull(title, "title");
		carried = List.copyOf(carried);
	}

	/** The next cut of a closed cut, from its decision. */
	public static NextCut of(Cut parent, Decision decision) {
		if (parent.status() != CutStatus.CLOSED) {
			throw new IllegalArgumentException("only a closed cut has a next one");
		}
		List<Carried> carried = decision.deferred()
			.stream()
			.map((outcome) -> new Carried(outcome, parent.lineage().deferredInARow(outcome)))
			.toList();
		String bumped = bumpVersion(parent.title());
		return new NextCut(parent, (TypedText.length(bumped) <= CutDraft.MAX_TITLE_LENGTH) ? bumped : parent.title(),
				carried);
	}

	/**
	 * The title with the last number of its version raised by one: "Sharing app 0.1" →
	 * "Sharing app 0.2", "v1.9" → "v1.10", "2.3.4" → "2.3.5"; a title that does not end
	 * in a version is kept as it is.
	 */
	public static String bumpVersion(String title) {
		Matcher version = VERSION.matcher(title);
		if (!version.find()) {
			return title;
		}
		Matcher last = LAST_NUMBER.matcher(version.group(2));
		last.find();
		String bumped = version.group(2).substring(0, last.start()) + new BigInteger(last.group(1)).add(BigInteger.ONE);
		return title.substring(0, version.start(2)) + bumped;
	}

	/**
	 * The lineage of the cut started from this plan with these items: each item that
	 * reads as one of the carried ones ({@link TypedText#key}) keeps its streak of
	 * deferrals, whatever the facilitator changed in the form.
	 */
	public Lineage lineage(List<Item> items) {
		Map<String, Integer> streaks = new HashMap<>();
		this.carried.forEach((item) -> streaks.putIfAbsent(TypedText.key(item.text()), item.deferredInARow()));
		Map<Integer, Integer> deferrals = new HashMap<>();
		for (Item item : items) {
			Integer streak = streaks.get(TypedText.key(item.text()));
			if (streak != null) {
				deferrals.put(item.id(), streak);
			}
		}
		return new Lineage(this.parent.ref().id(), this.parent.title(), deferrals);
	}

	/** The carried items' texts, in the parent's order. */
	public List<String> texts() {
		List<String> texts = new ArrayList<>();
		this.carried.forEach((item) -> texts.add(item.text()));
		return texts;
	}

}
