package dev.scopecut.slack.blocks;

import java.util.List;
import java.util.stream.Collectors;

import dev.scopecut.app.CutSnapshot;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Decision;
import dev.scopecut.cut.Outcome;

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
 */
public final class DecisionText {

	static final String SHIP_LABEL = "ship now    ";

	static final String DEFER_LABEL = "defer       ";

	private DecisionText() {
	}

	public static String of(CutSnapshot snapshot) {
		Decision decision = snapshot.decision();
		return headline(snapshot) + "\n" + shipLine(decision) + "\n" + deferLine(decision) + "\n" + decision.rule();
	}

	static String headline(CutSnapshot snapshot) {
		Decision decision = snapshot.decision();
		String quorum = decision.quorumMet() ? "" : " (no quorum)";
		return "Scope cut: " + Mrkdwn.escape(snapshot.cut().title()) + " — " + voted(snapshot) + quorum;
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
			return "nothing";
		}
		return outcomes.stream().map(DecisionText::entry).collect(Collectors.joining(", "));
	}

	/** An item, then its flag if it has one: the form of the decision's two lines. */
	static String entry(Outcome outcome) {
		return Mrkdwn.escape(outcome.item().text()) + flag(outcome);
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
