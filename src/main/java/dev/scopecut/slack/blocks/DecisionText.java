package dev.scopecut.slack.blocks;

import java.util.List;
import java.util.stream.Collectors;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Decision;
import dev.scopecut.cut.Outcome;
import dev.scopecut.cut.TypedText;

/**
 * The decision in the two-line form teams paste into release notes, also used as the
 * message's notification text:
 *
 * <pre>
 * Scope cut: Project-sharing app 0.1 — 6 of 8 voted
 * ship now    email signup, create project
 * defer       single sign-on (tie), dark mode (tie)
 * Rule: an item ships when …
 * </pre>
 *
 * Each of the two lines reads back into its items exactly, whatever they say: a line is
 * its label, then {@code nothing} or the items separated by {@code ", "}, each followed
 * by its flag in parentheses when it has one. An ordinary item is written as typed. An
 * item that could be misread is written in “…”, with a backslash before each “, ” or
 * backslash inside it: one that holds a comma, a parenthesis, a quotation mark
 * ({@code "}, “, ”), a backslash or a mrkdwn formatting character ({@code ~ * _ `}), or
 * that reads {@code nothing} in any case. No item holds a line break ({@link TypedText}),
 * so none can begin a line of its own or forge a label. As everywhere, {@code & < >} are
 * then escaped for Slack ({@link Mrkdwn#escape}).
 */
public final class DecisionText {

	static final String SHIP_LABEL = "ship now    ";

	static final String DEFER_LABEL = "defer       ";

	/** What a line lists when no item is in it. */
	static final String NOTHING = "nothing";

	/** What makes an item ambiguous in a line unless it is quoted. */
	private static final String MISREAD = ",()\"“”\\~*_`";

	private DecisionText() {
	}

	public static String of(CutSnapshot snapshot) {
		Decision decision = snapshot.decision();
		return headline(snapshot) + "\n" + shipLine(decision) + "\n" + deferLine(decision) + "\n" + decision.rule();
	}

	static String headline(CutSnapshot snapshot) {
		Decision decision = snapshot.decision();
		String quorum = decision.quorumMet() ? "" : " (no quorum)";
		return "Scope cut: " + Mrkdwn.escape(TypedText.oneLine(snapshot.cut().title())) + " — " + voted(snapshot)
				+ quorum;
	}

	static String shipLine(Decision decision) {
		return SHIP_LABEL + items(decision.shipped());
	}

	static String deferLine(Decision decision) {
		return DEFER_LABEL + items(decision.deferred());
	}

	/**
	 * "6 of 8 voted" when 8 people may vote (chosen, or the channel's members when the
	 * cut started), counting only those 8; "6 voted" when who may vote is not known.
	 */
	static String voted(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		if (cut.eligibleVoters().isEmpty()) {
			return snapshot.tally().voterCount() + " voted";
		}
		return cut.eligibleWhoVoted(snapshot.ballots()) + " of " + cut.eligibleVoters().size() + " voted";
	}

	private static String items(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return NOTHING;
		}
		return outcomes.stream().map(DecisionText::entry).collect(Collectors.joining(", "));
	}

	/** An item, then its flag if it has one: the form of the decision's two lines. */
	static String entry(Outcome outcome) {
		return Mrkdwn.escape(written(outcome.item().text())) + flag(outcome);
	}

	/** An item as the decision's lines write it: quoted when it could be misread. */
	static String written(String item) {
		// Folded as a new item is, for items kept from before line breaks were refused.
		String text = TypedText.oneLine(item);
		boolean misread = text.equalsIgnoreCase(NOTHING) || text.chars().anyMatch((c) -> MISREAD.indexOf(c) >= 0);
		if (!misread) {
			return text;
		}
		return "“" + text.replace("\\", "\\\\").replace("“", "\\“").replace("”", "\\”") + "”";
	}

	/**
	 * An item with its Ship–Defer counts, then its flag: the form of the result's lists.
	 */
	static String counted(Outcome outcome) {
		return Mrkdwn.escape(outcome.item().text()) + " (" + outcome.tally().ship() + "–" + outcome.tally().defer()
				+ ")" + flag(outcome);
	}

	private static String flag(Outcome outcome) {
		return outcome.verdict().flag().isEmpty() ? "" : " (" + outcome.verdict().flag() + ")";
	}

}
