package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.ballots;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Decision;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.cut.Outcome;
import dev.scopecut.support.blockkit.Fixtures;

/**
 * The decision's two lines read back into their items exactly, whatever the items say:
 * rendered from hostile items, then parsed as a reader (or a script) pasting them would.
 */
class DecisionTextTests {

	private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	private static final CutSettings SETTINGS = new CutSettings("", Instant.parse("2025-03-05T17:00:00Z"), 0, 0, false);

	/** Pieces of text that mean something in the decision's lines, in mrkdwn or both. */
	private static final List<String> PIECES = List.of("a", "sso", " ", ", ", ",", "(", ")", " (tie)", "(no votes)",
			"nothing", "Nothing", "“", "”", "\"", "\\", "\\”", "~", "*", "_", "`", "&", "&amp;", "<", ">", "<!here>",
			"ship now    ", "defer       ", ";", "é", "😀");

	@Test
	void theIssuesHostileItemsAreQuotedAndOrdinaryOnesStayPlain() {
		CutSnapshot snapshot = snapshot(List.of("a, b", "nothing", "sso (tie)", "~alpha", "beta~", "email signup"),
				ballots("U1=SSS---", "U2=SSS---"));

		assertThat(DecisionText.shipLine(snapshot.decision())).isEqualTo("ship now    “a, b”, “nothing”, “sso (tie)”");
		assertThat(DecisionText.deferLine(snapshot.decision()))
			.isEqualTo("defer       “~alpha” (no votes), “beta~” (no votes), email signup (no votes)");
	}

	@Test
	void quotesAndBackslashesInsideAQuotedItemAreEscaped() {
		CutSnapshot snapshot = snapshot(List.of("say “hi”, then \\ leave"), ballots("U1=S"));

		assertThat(DecisionText.shipLine(snapshot.decision())).isEqualTo("ship now    “say \\“hi\\”, then \\\\ leave”");
	}

	@Test
	void linesRenderedFromHostileItemsReadBackIntoExactlyThoseItems() {
		Random random = new Random(15);
		int checked = 0;
		for (int round = 0; round < 2000; round++) {
			List<String> items = new ArrayList<>();
			for (int i = 0, count = 1 + random.nextInt(6); i < count; i++) {
				StringBuilder item = new StringBuilder();
				for (int j = 0, pieces = 1 + random.nextInt(5); j < pieces; j++) {
					item.append(PIECES.get(random.nextInt(PIECES.size())));
				}
				items.add(item.toString());
			}
			StringBuilder votes = new StringBuilder();
			items.forEach((item) -> votes.append("SD-".charAt(random.nextInt(3))));
			CutSnapshot snapshot;
			try {
				snapshot = snapshot(new CutDraft("Release", items, SETTINGS).items(), ballots("U1=" + votes));
			}
			catch (InvalidCutException ex) {
				continue; // listed twice, or blank: never a cut
			}
			Decision decision = snapshot.decision();
			List<String> lines = List.of(DecisionText.of(snapshot).split("\n", -1));

			assertThat(lines).as(items.toString()).hasSize(4);
			assertThat(readBack(lines.get(1), DecisionText.SHIP_LABEL)).as(lines.get(1))
				.isEqualTo(entries(decision.shipped()));
			assertThat(readBack(lines.get(2), DecisionText.DEFER_LABEL)).as(lines.get(2))
				.isEqualTo(entries(decision.deferred()));
			checked++;
		}
		assertThat(checked).as("cuts checked").isGreaterThan(1000);
	}

	/** Each item's text and flag, as the decision has them. */
	private static List<List<String>> entries(List<Outcome> outcomes) {
		return outcomes.stream().map((outcome) -> List.of(outcome.item().text(), outcome.verdict().flag())).toList();
	}

	/**
	 * Reads a line back by the rule of {@link DecisionText}: its label, then "nothing" or
	 * items separated by ", ", each plain or in “…” with backslash escapes, each followed
	 * by " (flag)" when it has one.
	 */
	private static List<List<String>> readBack(String line, String label) {
		assertThat(line).startsWith(label);
		String rest = line.substring(label.length()).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
		List<List<String>> entries = new ArrayList<>();
		if (rest.equals(DecisionText.NOTHING)) {
			return entries;
		}
		int at = 0;
		while (true) {
			StringBuilder item = new StringBuilder();
			if (rest.charAt(at) == '“') {
				at++;
				while (rest.charAt(at) != '”') {
					if (rest.charAt(at) == '\\') {
						at++;
					}
					item.append(rest.charAt(at++));
				}
				at++;
			}
			else {
				while (at < rest.length() && !rest.startsWith(", ", at) && !rest.startsWith(" (", at)) {
					item.append(rest.charAt(at++));
				}
			}
			String flag = "";
			if (rest.startsWith(" (", at)) {
				int close = rest.indexOf(')', at);
				flag = rest.substring(at + 2, close);
				at = close + 1;
			}
			entries.add(List.of(item.toString(), flag));
			if (at == rest.length()) {
				return entries;
			}
			assertThat(rest.substring(at)).as(line).startsWith(", ");
			at += 2;
		}
	}

	private static CutSnapshot snapshot(List<String> items, Ballots ballots) {
		return new CutSnapshot(Fixtures.cut(new CutRef("T0SCOPE", new CutId("K7M2Q")), "U0FACIL", CREATED, "Release",
				items, SETTINGS, CutStatus.CLOSED, CREATED), ballots, 1, null);
	}

}
