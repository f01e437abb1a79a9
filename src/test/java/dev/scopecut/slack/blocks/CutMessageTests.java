package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.ballots;
import static dev.scopecut.support.blockkit.Fixtures.everyoneVotes;
import static dev.scopecut.support.blockkit.Fixtures.numberedItems;
import static dev.scopecut.support.blockkit.Fixtures.blocksJson;
import static dev.scopecut.support.blockkit.Fixtures.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.Fixtures;
import dev.scopecut.support.blockkit.GoldenJson;

class CutMessageTests {

	private static final CutRef REF = new CutRef("T0SCOPE", new CutId("K7M2Q"));

	private static final String FACILITATOR = "U0FACIL";

	private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	private static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	private static final Instant CLOSED = Instant.parse("2025-03-05T16:30:00Z");

	private static final List<String> THREE_ITEMS = List.of("email signup", "create project", "single sign-on");

	/** Four voters on three items: 2–1, 1–1 and no vote. */
	private static final Ballots SOME_VOTES = ballots("U0ANNA=SS-", "U0BEN=SD-", "U0CHLOE=D--", "U0DAN=---");

	private static final List<String> VOTERS = List.of("U0ANNA", "U0BEN", "U0CHLOE");

	@Test
	void openNamedCutShowsCountsAndWhoVoted() {
		SlackMessage message = CutMessage
			.render(snapshot(cut(THREE_ITEMS, settings("", false), CutStatus.OPEN), SOME_VOTES));

		GoldenJson.assertMatches("cut-open-named", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(mrkdwnTexts(message)).anySatisfy((text) -> assertThat(text)
			.isEqualTo("*email signup*\nShip 2 · Defer 1 · voted: <@U0ANNA> <@U0BEN> <@U0CHLOE>"));
	}

	@Test
	void anEditedCutSaysSoWithItsLatestChange() {
		Cut cut = cut(THREE_ITEMS, new CutSettings("", DEADLINE, 2, 0, false), CutStatus.OPEN);
		Edit edit = new Edit(Edit.Kind.CHANGE, CREATED.plusSeconds(600), FACILITATOR, "capacity 3 → 2");

		SlackMessage message = CutMessage.render(new CutSnapshot(cut, SOME_VOTES, 7, null, null, edit));

		GoldenJson.assertMatches("cut-open-edited", message.text(), message.blocks());
		assertThat(mrkdwnTexts(message)).anySatisfy(
				(text) -> assertThat(text).contains("· at most 2 ship ·").endsWith(" · edited: capacity 3 → 2"));
		SlackMessage added = CutMessage.render(new CutSnapshot(cut, SOME_VOTES, 7, null, null,
				new Edit(Edit.Kind.ADD, CREATED, FACILITATOR, "dark <mode>")));
		assertThat(mrkdwnTexts(added))
			.anySatisfy((text) -> assertThat(text).endsWith(" · edited: added dark &lt;mode&gt;"));
	}

	@Test
	void anExtendedCutShowsItsNewDeadlineInEachReadersOwnTime() {
		Cut cut = cut(THREE_ITEMS, new CutSettings("", DEADLINE, 0, 0, false), CutStatus.OPEN);
		Edit edit = new Edit(Edit.Kind.EXTEND, CREATED.plusSeconds(600), FACILITATOR, "by 1d, to " + DEADLINE);

		SlackMessage message = CutMessage.render(new CutSnapshot(cut, SOME_VOTES, 7, null, null, edit));

		GoldenJson.assertMatches("cut-open-extended", message.text(), message.blocks());
		String date = "<!date^" + DEADLINE.getEpochSecond() + "^{date_short_pretty} at {time}|" + DEADLINE + ">";
		assertThat(mrkdwnTexts(message)).anySatisfy((text) -> assertThat(text).contains("· closes " + date)
			.endsWith(" · edited: extended the deadline by 1d, to " + date));
	}

	@Test
	void openAnonymousCutNamesNoVoter() {
		Cut cut = cut(THREE_ITEMS, settings("", true), CutStatus.OPEN);
		SlackMessage message = CutMessage.render(snapshot(cut, SOME_VOTES));

		GoldenJson.assertMatches("cut-open-anonymous", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		String json = GoldenJson.toJson(message.text(), message.blocks());
		assertThat(VOTERS).allSatisfy((voter) -> assertThat(json).doesNotContain(voter));
		assertThat(json).contains("Ship 2 · Defer 1").contains(FACILITATOR);
	}

	@Test
	void anonymousCutNamesNoVoterOnceClosedEither() {
		Cut cut = cut(THREE_ITEMS, settings("", true), CutStatus.CLOSED);
		CutSnapshot snapshot = snapshot(cut, SOME_VOTES);

		for (SlackMessage message : List.of(CutMessage.render(snapshot), CutMessage.announcement(snapshot))) {
			String json = GoldenJson.toJson(message.text(), message.blocks());
			assertThat(VOTERS).allSatisfy((voter) -> assertThat(json).doesNotContain(voter));
		}
	}

	@Test
	void cutWithAReleaseQuestionShowsItUnderTheTitle() {
		CutSettings settings = new CutSettings("Will people share a project link without being asked?", DEADLINE, 2, 3,
				false);
		SlackMessage message = CutMessage.render(snapshot(cut(THREE_ITEMS, settings, CutStatus.OPEN), SOME_VOTES));

		GoldenJson.assertMatches("cut-open-question", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(mrkdwnTexts(message))
			.contains("*What must this release teach us?*\nWill people share a project link without being asked?");
	}

	@Test
	void closedCutShowsTheResultWithShipDeferAndTie() {
		SlackMessage message = CutMessage.render(closedSnapshot());

		GoldenJson.assertMatches("cut-closed", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		String json = GoldenJson.toJson(message.blocks());
		// No vote controls are left: the one button starts the next cut.
		assertThat(json).doesNotContain("vote-").doesNotContain("\"overflow\"");
		assertThat(Fixtures.ofType(Fixtures.blocksJson(message), "actions")).singleElement()
			.satisfies((actions) -> assertThat(actions.toString()).contains("\"action_id\":\"next-cut\"",
					"\"value\":\"K7M2Q\"", "Start next cut"));
		assertThat(mrkdwnTexts(message)).contains("*Ship now*\n• email signup (5–1)\n• create project (4–2)",
				"*Defer*\n• single sign-on (2–2) (tie)\n• dark mode (1–4)");
	}

	@Test
	void cancelledCutSaysNoDecisionWasMade() {
		SlackMessage message = CutMessage
			.render(snapshot(cut(THREE_ITEMS, settings("", false), CutStatus.CANCELLED), SOME_VOTES));

		GoldenJson.assertMatches("cut-cancelled", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(message.text()).isEqualTo("Scope cut cancelled: Project-sharing app 0.1");
		assertThat(GoldenJson.toJson(message.blocks())).doesNotContain("\"actions\"").doesNotContain("Ship now");
	}

	@Test
	void decisionAnnouncementStatesTheResultAndTheRule() {
		SlackMessage message = CutMessage.announcement(closedSnapshot());

		GoldenJson.assertMatches("decision-announcement", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(mrkdwnTexts(message)).contains(DecisionRule.statement(settings("", false)));
	}

	@Test
	void theResultShowsTheReleaseQuestionInTheMessageAndTheAnnouncement() {
		Cut cut = cut(List.of("a", "b"), settings("What will teams pay for?", false), CutStatus.CLOSED);
		CutSnapshot snapshot = snapshot(cut, ballots("U01=SD"));

		assertThat(mrkdwnTexts(CutMessage.announcement(snapshot)))
			.contains("*What must this release teach us?*\nWhat will teams pay for?");
		assertThat(mrkdwnTexts(CutMessage.render(snapshot)))
			.contains("*What must this release teach us?*\nWhat will teams pay for?");
	}

	@Test
	void decisionTextIsTheHeadlineTheTwoLinesAndTheRule() {
		Cut cut = cut(List.of("a", "b", "c"), settings("", false), CutStatus.CLOSED);
		Ballots ballots = ballots("U01=SSS", "U02=SSS", "U03=SSD", "U04=SSD", "U05=SD-", "U06=DD-");
		CutSnapshot snapshot = snapshot(cut, ballots);

		String expected = """
				Scope cut: Project-sharing app 0.1 — 6 voted
				ship now    a, b
				defer       c (tie)
				Rule: an item ships when its Ship votes outnumber its Defer votes; a tie or no vote defers it.""";
		assertThat(DecisionText.of(snapshot)).isEqualTo(expected);
		assertThat(CutMessage.announcement(snapshot).text()).isEqualTo(expected);
		assertThat(CutMessage.render(snapshot).text()).isEqualTo(expected);
	}

	@Test
	void decisionTextFlagsOverCapacityAndNoQuorum() {
		Cut cut = cut(List.of("a", "b", "c"), new CutSettings("", DEADLINE, 1, 5, false), CutStatus.CLOSED);
		CutSnapshot snapshot = snapshot(cut, ballots("U01=SS-", "U02=SS-", "U03=SD-"));

		assertThat(DecisionText.of(snapshot).lines().toList()).containsExactly(
				"Scope cut: Project-sharing app 0.1 — 3 voted (no quorum)", "ship now    a",
				"defer       b (over capacity), c (no votes)",
				"Rule: an item ships when its Ship votes outnumber its Defer votes; a tie or no vote defers it."
						+ " At most 1 ship, ranked by margin, then Ship votes, then the order listed."
						+ " Quorum: 5 voters.");
		assertThat(mrkdwnTexts(CutMessage.render(snapshot)))
			.anySatisfy((text) -> assertThat(text).startsWith("*Closed* · 3 voted · *no quorum*"));
	}

	@Test
	void theFacilitatorIsAskedBeforeClosingACutWithItemsLeftWithTheMessagesCloseButton() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 0, false, List.of("U0ANNA", "U0BEN"), false);
		CutSnapshot standing = snapshot(cut(THREE_ITEMS, settings, CutStatus.OPEN), ballots("U0ANNA=SSD", "U0BEN=S--"));

		SlackMessage question = CutMessage.closeQuestion(standing);

		GoldenJson.assertMatches("close-question", question.text(), question.blocks());
		BlockKitLimits.assertWithinLimits(question.blocks());
		JsonObject button = ofType(blocksJson(question), "actions").get(0)
			.getAsJsonArray("elements")
			.get(0)
			.getAsJsonObject();
		JsonObject onTheMessage = ofType(blocksJson(CutMessage.render(standing)), "actions").stream()
			.filter((block) -> block.get("block_id").getAsString().equals("controls"))
			.findFirst()
			.orElseThrow()
			.getAsJsonArray("elements")
			.get(0)
			.getAsJsonObject();
		assertThat(button).isEqualTo(onTheMessage);
		assertThat(question.text()).isEqualTo("Close K7M2Q now? 2 of 2 voted, 1 done");
	}

	@Test
	void aCutWithChosenVotersCountsVotersOutOfThoseChosen() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 0, false,
				List.of("U0ANNA", "U0BEN", "U0CHLOE", "U0EVE"), true);
		Ballots ballots = ballots("U0ANNA=SS-", "U0BEN=SD-", "U0CHLOE=D--");
		SlackMessage open = CutMessage.render(snapshot(cut(THREE_ITEMS, settings, CutStatus.OPEN), ballots));
		CutSnapshot closed = snapshot(cut(THREE_ITEMS, settings, CutStatus.CLOSED), ballots);

		GoldenJson.assertMatches("cut-open-chosen-voters", open.text(), open.blocks());
		BlockKitLimits.assertWithinLimits(open.blocks());
		assertThat(mrkdwnTexts(open))
			.anySatisfy((text) -> assertThat(text).startsWith("3 of 4 voted, 0 done · started by"));
		assertThat(mrkdwnTexts(CutMessage.render(closed)))
			.anySatisfy((text) -> assertThat(text).startsWith("*Closed* · 3 of 4 voted"));
		assertThat(DecisionText.of(closed)).startsWith("Scope cut: Project-sharing app 0.1 — 3 of 4 voted\n");
	}

	@Test
	void aCutOpenToTheChannelCountsItsMembersOnlyOutOfItsMembers() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 0, false, List.of(), true);
		// U0NEW joined the channel after the cut started: a vote in the tally,
		// not a member
		Ballots ballots = ballots("U0ANNA=SS-", "U0BEN=SD-", "U0NEW=DDD");
		List<String> members = List.of("U0ANNA", "U0BEN", "U0CHLOE");
		CutSnapshot open = snapshot(cut(THREE_ITEMS, settings, CutStatus.OPEN).withMembers(members), ballots);
		CutSnapshot closed = snapshot(cut(THREE_ITEMS, settings, CutStatus.CLOSED).withMembers(members), ballots);

		// done: a vote on every item, by a member (U0NEW's full ballot is not a member's)
		assertThat(mrkdwnTexts(CutMessage.render(open)))
			.anySatisfy((text) -> assertThat(text).startsWith("2 of 3 voted, 0 done · started by"));
		assertThat(mrkdwnTexts(CutMessage.render(closed)))
			.anySatisfy((text) -> assertThat(text).startsWith("*Closed* · 2 of 3 voted"));
		assertThat(DecisionText.of(closed)).startsWith("Scope cut: Project-sharing app 0.1 — 2 of 3 voted\n");
		assertThat(closed.decision().voterCount()).isEqualTo(3);
		assertThat(mrkdwnTexts(CutMessage.render(snapshot(cut(THREE_ITEMS, settings, CutStatus.OPEN), ballots))))
			.anySatisfy((text) -> assertThat(text).startsWith("3 voted, 1 done · started by"));
	}

	@Test
	void largestCutStaysWithinSlackLimitsOpenAndClosed() {
		// 150 characters, mostly '&', which escaping makes five times longer
		List<String> items = IntStream.rangeClosed(1, 30)
			.mapToObj((i) -> "%02d ".formatted(i) + "&".repeat(147))
			.toList();
		String title = "T".repeat(75) + "&<>".repeat(25);
		CutSettings settings = new CutSettings("What do we want to learn from this release & who is it for? ".repeat(8),
				DEADLINE, 0, 0, false);
		assertThat(items).allSatisfy((item) -> assertThat(item).hasSize(Item.MAX_LENGTH));
		assertThat(title).hasSize(150);

		// half the items ship, then all of them: the longest "Ship now" list
		for (Ballots ballots : List.of(everyoneVotes(40, 30, "SD"), everyoneVotes(40, 30, "S"))) {
			for (CutStatus status : CutStatus.values()) {
				CutSnapshot snapshot = snapshot(cut(title, items, settings, status), ballots);
				SlackMessage message = CutMessage.render(snapshot);
				BlockKitLimits.assertWithinLimits(message.blocks());
				if (status == CutStatus.OPEN) {
					assertThat(GoldenJson.toJson(message.blocks())).contains("+20 more");
				}
				if (status == CutStatus.CLOSED) {
					BlockKitLimits.assertWithinLimits(CutMessage.announcement(snapshot).blocks());
				}
			}
		}
	}

	@Test
	void aQuestionOfAnyLengthIsShortenedToFitItsSection() {
		// nothing bounds the question's length, and escaping lengthens it
		String question = "Who & why? ".repeat(300);
		CutSettings settings = new CutSettings(question, DEADLINE, 0, 0, false);

		for (CutStatus status : CutStatus.values()) {
			SlackMessage message = CutMessage.render(snapshot(cut(THREE_ITEMS, settings, status), SOME_VOTES));
			BlockKitLimits.assertWithinLimits(message.blocks());
			assertThat(mrkdwnTexts(message)).filteredOn((text) -> text.startsWith("*What must this release teach us?*"))
				.singleElement()
				.satisfies((text) -> assertThat(text).hasSizeLessThanOrEqualTo(BlockKitRules.SECTION_TEXT_MAX)
					.contains("\nWho &amp; why? Who &amp; why?")
					.endsWith("…")
					.doesNotContainPattern("&(?!amp;|lt;|gt;)"));
		}
	}

	@Test
	void largestAnonymousCutStaysWithinSlackLimitsWithEveryItemDeferred() {
		List<String> items = IntStream.rangeClosed(1, 30)
			.mapToObj((i) -> "%02d ".formatted(i) + "<@U123>&".repeat(20).substring(0, 147))
			.toList();
		CutSettings settings = new CutSettings("?", DEADLINE, 0, 0, true);
		Ballots ballots = ballots(IntStream.rangeClosed(1, 40)
			.mapToObj((v) -> "U%03d=%s".formatted(v, "D".repeat(30)))
			.toArray(String[]::new));

		for (CutStatus status : CutStatus.values()) {
			CutSnapshot snapshot = snapshot(cut("T".repeat(150), items, settings, status), ballots);
			BlockKitLimits.assertWithinLimits(CutMessage.render(snapshot).blocks());
			BlockKitLimits.assertWithinLimits(CutMessage.announcement(snapshot).blocks());
		}
	}

	@Test
	void fifteenItemsGetShipAndDeferButtons() {
		SlackMessage message = CutMessage
			.render(snapshot(cut(numberedItems(15), settings("", false), CutStatus.OPEN), Ballots.NONE));

		JsonArray blocks = blocksJson(message);
		List<JsonObject> voteRows = ofType(blocks, "actions").stream()
			.filter((block) -> block.get("block_id").getAsString().startsWith("vote-"))
			.toList();
		assertThat(voteRows).hasSize(15);
		assertThat(voteRows.get(0).getAsJsonArray("elements")).hasSize(2);
		JsonObject ship = voteRows.get(0).getAsJsonArray("elements").get(0).getAsJsonObject();
		JsonObject defer = voteRows.get(0).getAsJsonArray("elements").get(1).getAsJsonObject();
		assertThat(ship.get("action_id").getAsString()).isEqualTo(ActionIds.VOTE_SHIP);
		assertThat(ship.get("value").getAsString()).isEqualTo("K7M2Q|1|S");
		assertThat(ship.has("style")).as("Ship weighs no more than Defer").isFalse();
		assertThat(defer.has("style")).isFalse();
		assertThat(defer.get("action_id").getAsString()).isEqualTo(ActionIds.VOTE_DEFER);
		assertThat(defer.get("value").getAsString()).isEqualTo("K7M2Q|1|D");
		assertThat(GoldenJson.toJson(message.blocks())).doesNotContain("\"overflow\"");
		BlockKitLimits.assertWithinLimits(message.blocks());
	}

	@Test
	void sixteenItemsGetAShipDeferMenuInstead() {
		SlackMessage message = CutMessage
			.render(snapshot(cut(numberedItems(16), settings("", false), CutStatus.OPEN), Ballots.NONE));

		JsonArray blocks = blocksJson(message);
		List<JsonObject> rows = ofType(blocks, "section").stream().filter((block) -> block.has("accessory")).toList();
		assertThat(rows).hasSize(16);
		JsonObject menu = rows.get(15).getAsJsonObject("accessory");
		assertThat(menu.get("type").getAsString()).isEqualTo("overflow");
		assertThat(menu.get("action_id").getAsString()).isEqualTo(ActionIds.VOTE_MENU);
		JsonArray options = menu.getAsJsonArray("options");
		assertThat(options).hasSize(2);
		assertThat(options.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
			.isEqualTo("Ship");
		assertThat(options.get(0).getAsJsonObject().get("value").getAsString()).isEqualTo("K7M2Q|16|S");
		assertThat(options.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
			.isEqualTo("Defer");
		assertThat(options.get(1).getAsJsonObject().get("value").getAsString()).isEqualTo("K7M2Q|16|D");
		// the ballot's button at the top, the facilitator's controls at the bottom
		assertThat(ofType(blocks, "actions")).extracting((block) -> block.get("block_id").getAsString())
			.containsExactly("ballot", "controls");
		BlockKitLimits.assertWithinLimits(message.blocks());
	}

	@Test
	void aLargeCutOpensWithOneButtonThatOpensTheBallotOfEveryItem() {
		SlackMessage message = CutMessage
			.render(snapshot(cut(numberedItems(30), settings("", false), CutStatus.OPEN), Ballots.NONE));

		GoldenJson.assertMatches("cut-open-large", message.text(), message.blocks());
		JsonObject ballot = blocksJson(message).get(1).getAsJsonObject();
		assertThat(ballot.get("block_id").getAsString()).isEqualTo("ballot");
		JsonObject button = ballot.getAsJsonArray("elements").get(0).getAsJsonObject();
		assertThat(button.get("action_id").getAsString()).isEqualTo(ActionIds.BALLOT);
		assertThat(button.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Vote on all 30 items");
		assertThat(button.get("value").getAsString()).isEqualTo("K7M2Q");
		assertThat(button.has("style")).isFalse();
	}

	@Test
	void aSmallCutKeepsItsButtonsAndHasNoBallot() {
		SlackMessage message = CutMessage
			.render(snapshot(cut(numberedItems(15), settings("", false), CutStatus.OPEN), Ballots.NONE));

		assertThat(ofType(blocksJson(message), "actions")).extracting((block) -> block.get("block_id").getAsString())
			.doesNotContain("ballot")
			.contains("vote-15", "controls");
	}

	@Test
	void userTextIsEscapedAndNeverBecomesAMention() {
		String hostile = "R&D <@U123> <!channel> <!here|here> <https://evil.example|click> a > b";
		String escaped = "R&amp;D &lt;@U123&gt; &lt;!channel&gt; &lt;!here|here&gt; &lt;https://evil.example|click&gt; a &gt; b";
		List<String> items = List.of(hostile, "plain item");
		CutSettings settings = new CutSettings(hostile, DEADLINE, 0, 0, false);
		Ballots ballots = ballots("U0ANNA=SD", "U0BEN=SD");

		for (CutStatus status : CutStatus.values()) {
			CutSnapshot snapshot = snapshot(cut(hostile, items, settings, status), ballots);
			SlackMessage rendered = CutMessage.render(snapshot);
			List<SlackMessage> messages = new ArrayList<>(List.of(rendered));
			if (status == CutStatus.CLOSED) {
				messages.add(CutMessage.announcement(snapshot));
			}
			for (SlackMessage message : messages) {
				List<String> texts = new ArrayList<>(mrkdwnTexts(message));
				texts.add(message.text());
				assertThat(String.join("\n", texts)).contains(escaped);
				for (String text : texts) {
					String markup = text.replaceAll("<@U0(FACIL|ANNA|BEN)>", "")
						.replaceAll("<!date\\^\\d+\\^\\{date_short_pretty} at \\{time}\\|[0-9TZ:-]+>", "");
					assertThat(markup).as("mrkdwn of a %s cut", status).doesNotContain("<").doesNotContain(">");
					assertThat(markup).doesNotContain("&amp;amp;").doesNotContainPattern("&(?!amp;|lt;|gt;)");
				}
			}
			// plain_text is never read as markup: the header shows the title as typed
			assertThat(ofType(blocksJson(rendered), "header")).singleElement()
				.satisfies((header) -> assertThat(header.getAsJsonObject("text").get("text").getAsString())
					.isEqualTo(hostile));
		}
	}

	// fixtures

	private static CutSettings settings(String question, boolean anonymous) {
		return new CutSettings(question, DEADLINE, 0, 0, anonymous);
	}

	private static Cut cut(List<String> items, CutSettings settings, CutStatus status) {
		return cut("Project-sharing app 0.1", items, settings, status);
	}

	private static Cut cut(String title, List<String> texts, CutSettings settings, CutStatus status) {
		return Fixtures.cut(REF, FACILITATOR, CREATED, title, texts, settings, status, CLOSED);
	}

	private static CutSnapshot snapshot(Cut cut, Ballots ballots) {
		return new CutSnapshot(cut, ballots, 7, null);
	}

	/** Four items closed after six votes: 5–1 and 4–2 ship, 2–2 ties, 1–4 defers. */
	private static CutSnapshot closedSnapshot() {
		Cut cut = cut(List.of("email signup", "create project", "single sign-on", "dark mode"), settings("", false),
				CutStatus.CLOSED);
		return snapshot(cut, ballots("U0V1=SSSS", "U0V2=SSSD", "U0V3=SSDD", "U0V4=SSDD", "U0V5=SD-D", "U0V6=DD--"));
	}

	// reading the JSON Slack receives

	/** The text of every mrkdwn text object in the message, wherever it is. */
	private static List<String> mrkdwnTexts(SlackMessage message) {
		List<String> texts = new ArrayList<>();
		collectMrkdwn(JsonParser.parseString(GoldenJson.toJson(message.blocks())), texts);
		return texts;
	}

	private static void collectMrkdwn(JsonElement element, List<String> texts) {
		if (element.isJsonArray()) {
			element.getAsJsonArray().forEach((child) -> collectMrkdwn(child, texts));
		}
		else if (element.isJsonObject()) {
			JsonObject object = element.getAsJsonObject();
			if (object.has("type") && object.get("type").getAsString().equals("mrkdwn")) {
				texts.add(object.get("text").getAsString());
			}
			object.entrySet().forEach((entry) -> collectMrkdwn(entry.getValue(), texts));
		}
	}

}
