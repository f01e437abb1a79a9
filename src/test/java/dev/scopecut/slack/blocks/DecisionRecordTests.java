package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.ballots;
import static dev.scopecut.support.blockkit.Fixtures.everyoneVotes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.DecisionRule;
import dev.scopecut.cut.Edit;
import dev.scopecut.cut.Item;
import dev.scopecut.support.blockkit.Fixtures;
import dev.scopecut.support.blockkit.GoldenText;

class DecisionRecordTests {

	private static final CutRef REF = new CutRef("T0SCOPE", new CutId("K7M2Q"));

	private static final String FACILITATOR = "U0FACIL";

	private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	private static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	private static final Instant CLOSED = Instant.parse("2025-03-05T16:30:00.250Z");

	private static final Instant READ_AT = Instant.parse("2025-03-04T11:15:42.999Z");

	private static final List<String> FIVE_ITEMS = List.of("email signup", "create project", "share project link",
			"single sign-on", "dark mode");

	/** Six voters: 5–1, 4–2 and 4–1 win, 2–2 ties, 1–4 defers. */
	private static final Ballots SIX_VOTERS = ballots("U0V1=SSSSS", "U0V2=SSSSD", "U0V3=SSSDD", "U0V4=SSSDD",
			"U0V5=SDD-D", "U0V6=DD---");

	private static final List<String> VOTERS = List.of("U0V1", "U0V2", "U0V3", "U0V4", "U0V5", "U0V6");

	private static final List<String> CHOSEN = List.of("U0V1", "U0V2", "U0V3", "U0V4", "U0V5", "U0V6", "U0V7", "U0V8");

	@Test
	void closedCutRecordsTheDecisionWithCountsFlagsAndTheRule() {
		CutSettings settings = new CutSettings("Will people share a project link without being asked?", DEADLINE, 2, 3,
				false, CHOSEN, false);
		CutSnapshot snapshot = snapshot(cut(FIVE_ITEMS, settings, CutStatus.CLOSED), SIX_VOTERS);

		String markdown = DecisionRecord.markdown(snapshot, READ_AT);

		GoldenText.assertMatches("record-closed.md", markdown);
		// No name known: Slack would not say (a 429, a refusal), so the id stands in.
		assertThat(markdown).contains("- Facilitator: `U0FACIL`\n- Started: 2025-03-03T09:00:00Z",
				"- Deadline: 2025-03-05T17:00:00Z", "- Closed: 2025-03-05T16:30:00Z",
				"- Voters: 6 of 8 voted (quorum of 3 met)", "- create project — Ship 4, Defer 2 (over capacity)",
				"- single sign-on — Ship 2, Defer 2 (tie)", DecisionRule.statement(settings));
		assertThat(markdown).doesNotContain("still open", "no quorum");
		assertThat(VOTERS).allSatisfy((voter) -> assertThat(markdown).doesNotContain(voter));
	}

	@Test
	void openCutRecordIsTheStandingAsOfWhenItWasRead() {
		Cut cut = cut(FIVE_ITEMS, CutSettings.quickStart(DEADLINE), CutStatus.OPEN);

		String markdown = DecisionRecord.markdown(snapshot(cut, SIX_VOTERS), READ_AT);

		GoldenText.assertMatches("record-open.md", markdown);
		assertThat(markdown).contains("- Status: still open; this is the standing as of 2025-03-04T11:15:42Z",
				"- Closed: not yet", "- Voters: 6 voted\n");
		assertThat(markdown).doesNotContain("What must this release teach us?", "Capacity", "quorum");
	}

	@Test
	void anonymousCutRecordHoldsNoVoterIdAndSaysWhenThereIsNoQuorum() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 8, true, CHOSEN, false);
		CutSnapshot snapshot = snapshot(cut(FIVE_ITEMS, settings, CutStatus.CLOSED), SIX_VOTERS);

		String markdown = DecisionRecord.markdown(snapshot, READ_AT);

		GoldenText.assertMatches("record-anonymous-no-quorum.md", markdown);
		assertThat(markdown).contains("- Voters: 6 of 8 voted — no quorum (8 needed)", "- Votes: anonymous",
				"- email signup — Ship 5, Defer 1");
		for (String text : DecisionRecord.slackTexts(snapshot, READ_AT)) {
			assertThat(text).contains(FACILITATOR).doesNotContain("U0V");
		}
	}

	@Test
	void cancelledCutRecordSaysNoDecisionWasMadeAndListsTheCountsAsTheyStood() {
		Cut cut = cut(FIVE_ITEMS, CutSettings.quickStart(DEADLINE), CutStatus.CANCELLED);

		String markdown = DecisionRecord.markdown(snapshot(cut, SIX_VOTERS), READ_AT);

		GoldenText.assertMatches("record-cancelled.md", markdown);
		assertThat(markdown).contains("- Status: cancelled; no decision was made", "- Cancelled: 2025-03-05T16:30:00Z",
				"## Items, as they stood", "- single sign-on — Ship 2, Defer 2\n");
		assertThat(markdown).doesNotContain("Ship now", "Rule:", "(tie)");
	}

	@Test
	void editsAreListedOldestFirstWithWhenWhoAndWhat() {
		Cut cut = cut(FIVE_ITEMS, CutSettings.quickStart(DEADLINE), CutStatus.CLOSED);
		List<Edit> edits = List.of(
				new Edit(Edit.Kind.ADD, Instant.parse("2025-03-03T10:00:00.400Z"), FACILITATOR, "dark mode"),
				new Edit(Edit.Kind.REMOVE, Instant.parse("2025-03-03T11:30:00Z"), FACILITATOR, "team *workspaces*"),
				new Edit(Edit.Kind.EXTEND, Instant.parse("2025-03-04T08:00:00Z"), FACILITATOR,
						"by 1d, to 2025-03-05T17:00:00Z"));

		String markdown = DecisionRecord.markdown(snapshot(cut, SIX_VOTERS), READ_AT, edits,
				Map.of(FACILITATOR, "Ann *Lee*"));

		GoldenText.assertMatches("record-edited.md", markdown);
		assertThat(markdown).contains("- Facilitator: Ann \\*Lee\\*\n").endsWith("""
				## Edits

				- 2025-03-03T10:00:00Z Ann \\*Lee\\* added: dark mode
				- 2025-03-03T11:30:00Z Ann \\*Lee\\* removed: team \\*workspaces\\*
				- 2025-03-04T08:00:00Z Ann \\*Lee\\* extended the deadline: by 1d, to 2025-03-05T17:00:00Z
				""");
		assertThat(markdown).doesNotContain(FACILITATOR);
		assertThat(DecisionRecord.markdown(snapshot(cut, SIX_VOTERS), READ_AT)).doesNotContain("Edits");
	}

	@Test
	void anEmptyListSaysNothing() {
		Cut cut = cut(List.of("a", "b"), CutSettings.quickStart(DEADLINE), CutStatus.CLOSED);

		String markdown = DecisionRecord.markdown(snapshot(cut, Ballots.NONE), READ_AT);

		assertThat(markdown).contains("## Ship now\n\nNothing.\n", "- a — Ship 0, Defer 0 (no votes)",
				"- Voters: 0 voted");
	}

	@Test
	void typedTextReadsAsTypedWhereverTheMarkdownIsRendered() {
		assertThat(DecisionRecord.text("*bold* _it_ `code` [link](http://x) <b>html</b> a|b ~s~ back\\slash"))
			.isEqualTo(
					"\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](http://x) \\<b\\>html\\</b\\> a\\|b \\~s\\~ back\\\\slash");
		assertThat(DecisionRecord.text("# heading")).isEqualTo("\\# heading");
		assertThat(DecisionRecord.text("- item")).isEqualTo("\\- item");
		assertThat(DecisionRecord.text("+ item")).isEqualTo("\\+ item");
		assertThat(DecisionRecord.text("12. ordered")).isEqualTo("12\\. ordered");
		assertThat(DecisionRecord.text("1) ordered")).isEqualTo("1\\) ordered");
		assertThat(DecisionRecord.text("R&D &amp; &#169; &copy")).isEqualTo("R&D \\&amp; \\&#169; &copy");
		assertThat(DecisionRecord.text("  two\nlines\t and  spaces ")).isEqualTo("two lines and spaces");
		assertThat(DecisionRecord.text("v1.2 - C# 10, 3.5")).isEqualTo("v1.2 - C# 10, 3.5");
	}

	@Test
	void slackGetsTheRecordInACodeBlockEscapedForSlack() {
		Cut cut = cut(List.of("R&D <@U123> ```fence```", "plain"), CutSettings.quickStart(DEADLINE), CutStatus.CLOSED);
		CutSnapshot snapshot = snapshot(cut, ballots("U0V1=SD"));

		List<String> texts = DecisionRecord.slackTexts(snapshot, READ_AT);

		assertThat(texts).singleElement().satisfies((text) -> {
			assertThat(text).startsWith("Decision record of `K7M2Q`, as Markdown:\n```\n# Scope cut: ")
				.endsWith("\n```")
				.contains("- R&amp;D \\&lt;@U123\\&gt; \\`\\`\\`fence\\`\\`\\` — Ship 1, Defer 0");
			String inside = text.substring(text.indexOf("```\n") + 4, text.lastIndexOf("\n```"));
			assertThat(inside).doesNotContain("```").doesNotContain("<").doesNotContain(">");
			assertThat(inside.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
				.isEqualTo(DecisionRecord.markdown(snapshot, READ_AT).stripTrailing());
		});
	}

	@Test
	void largestCutWithALongQuestionFitsOneSlackMessage() {
		// every character escaped twice over: \< in Markdown, then &lt; for Slack
		List<String> items = IntStream.rangeClosed(1, 30)
			.mapToObj((i) -> "%02d ".formatted(i) + "<".repeat(147))
			.toList();
		String title = "<".repeat(150);
		CutSettings settings = new CutSettings("<".repeat(3000), DEADLINE, 30, 40, false);
		CutSnapshot snapshot = snapshot(cut(title, items, settings, CutStatus.OPEN), everyoneVotes(40, 30, "SD"));
		assertThat(items).allSatisfy((item) -> assertThat(item).hasSize(Item.MAX_LENGTH));

		List<String> texts = DecisionRecord.slackTexts(snapshot, READ_AT);

		assertThat(texts).singleElement()
			.satisfies((text) -> assertThat(text).hasSizeLessThanOrEqualTo(DecisionRecord.MESSAGE_TEXT_MAX));
	}

	@Test
	void aRecordTooLongForOneMessageIsSplitIntoPartsThatAddUpToIt() {
		// nothing bounds the question's length
		String question = "Who & why? ".repeat(5_000);
		CutSettings settings = new CutSettings(question, DEADLINE, 0, 0, false);
		CutSnapshot snapshot = snapshot(cut(FIVE_ITEMS, settings, CutStatus.CLOSED), SIX_VOTERS);

		List<String> texts = DecisionRecord.slackTexts(snapshot, READ_AT);

		assertThat(texts).hasSizeGreaterThan(1)
			.allSatisfy((text) -> assertThat(text).hasSizeLessThanOrEqualTo(DecisionRecord.MESSAGE_TEXT_MAX)
				.endsWith("\n```")
				.doesNotContainPattern("&(?!amp;|lt;|gt;)"));
		assertThat(texts.get(1)).startsWith("Decision record of `K7M2Q`, as Markdown, part 2 of " + texts.size());
		StringBuilder joined = new StringBuilder();
		texts.forEach((text) -> joined.append(text, text.indexOf("```\n") + 4, text.lastIndexOf("\n```")));
		String escaped = Mrkdwn.escape(DecisionRecord.markdown(snapshot, READ_AT).stripTrailing());
		assertThat(joined.toString().replace("\n", "")).isEqualTo(escaped.replace("\n", ""));
		assertThat(DecisionRecord.followsInParts(snapshot, texts.size())).contains("K7M2Q", texts.size() + " messages");
	}

	@Test
	void partsBreakAtLineEndsWhenTheyCan() {
		assertThat(DecisionRecord.parts("aaa\nbbb\nccc", 7)).containsExactly("aaa\nbbb", "ccc");
		assertThat(DecisionRecord.parts("a&b\nc", 7)).containsExactly("a&amp;b", "c");
		assertThat(DecisionRecord.parts("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
		assertThat(DecisionRecord.parts("&&", 6)).containsExactly("&amp;", "&amp;");
		assertThat(DecisionRecord.parts("", 6)).containsExactly("");
		// a long line fills the rest of the part it starts in
		assertThat(DecisionRecord.parts("ab\ncdefghij\nk", 5)).containsExactly("ab\ncd", "efghi", "j\nk");
		assertThat(DecisionRecord.parts("abcde\nfghijkl", 5)).containsExactly("abcde", "fghij", "kl");
	}

	// fixtures

	private static Cut cut(List<String> items, CutSettings settings, CutStatus status) {
		return cut("Project-sharing app 0.1", items, settings, status);
	}

	private static Cut cut(String title, List<String> texts, CutSettings settings, CutStatus status) {
		return Fixtures.cut(REF, FACILITATOR, CREATED, title, texts, settings, status, CLOSED);
	}

	private static CutSnapshot snapshot(Cut cut, Ballots ballots) {
		return new CutSnapshot(cut, ballots, 7, null);
	}

}
