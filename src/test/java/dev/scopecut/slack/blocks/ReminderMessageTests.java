package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.blocksJson;
import static dev.scopecut.support.blockkit.Fixtures.numberedItems;
import static dev.scopecut.support.blockkit.Fixtures.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.GoldenJson;

class ReminderMessageTests {

	static final CutRef REF = new CutRef("T0SCOPE", new CutId("K7M2Q"));

	static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	static final String LINK = "https://test.slack.com/archives/C0PLAN/p1741000000000100";

	@Test
	void theReminderNamesTheCutItsChannelWhatIsLeftAndTheDeadlineWithButtonsForWhatIsLeft() {
		Cut cut = cut(List.of("email signup", "create project", "single sign-on"));
		SlackMessage message = ReminderMessage.render(cut, Map.of(1, Choice.SHIP), Optional.of(LINK));

		GoldenJson.assertMatches("reminder-dm", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(message.text())
			.isEqualTo("Reminder: your vote is missing on 2 of 3 items of Project-sharing app 0.1");
		String top = ofType(blocksJson(message), "section").get(0).getAsJsonObject("text").get("text").getAsString();
		assertThat(top).contains("*2 of 3 items*", "<" + LINK + "|Project-sharing app 0.1>", "<#C0PLAN>",
				"You voted on 1 of 3 items so far", "<!date^" + DEADLINE.getEpochSecond() + "^");
		// the controls of the channel's message, for the items left only, in blocks that
		// tell a click here from one there
		SlackMessage channel = CutMessage.render(new CutSnapshot(cut, Ballots.NONE, 0, null));
		List<JsonObject> rows = actions(message);
		assertThat(rows).extracting((row) -> row.get("block_id").getAsString())
			.containsExactly("reminder-vote-2", "reminder-vote-3")
			.allMatch(ActionIds::isReminderBlock);
		assertThat(actions(channel)).extracting((row) -> row.get("elements"))
			.containsAll(rows.stream().map((row) -> row.get("elements")).toList());
		assertThat(actions(channel)).extracting((row) -> row.get("block_id").getAsString())
			.noneMatch(ActionIds::isReminderBlock);
	}

	@Test
	void beforeAnyVoteTheReminderSaysNothingOfProgress() {
		SlackMessage message = ReminderMessage.render(cut(List.of("a", "b")), Map.of(), Optional.of(LINK));

		assertThat(message.text())
			.isEqualTo("Reminder: your vote is missing on 2 of 2 items of Project-sharing app 0.1");
		assertThat(blocksJson(message).toString()).doesNotContain("You voted", "My votes")
			.contains("Voting closes <!date^");
	}

	@Test
	void afterTheLastItemTheReminderThanksWithTheLinkAndNoControls() {
		Cut cut = cut(List.of("email signup", "create project"));
		SlackMessage message = ReminderMessage.render(cut, Map.of(1, Choice.SHIP, 2, Choice.DEFER), Optional.of(LINK));

		GoldenJson.assertMatches("reminder-dm-thanks", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(message.text()).isEqualTo("Thanks — you voted on every item of Project-sharing app 0.1");
		assertThat(ofType(blocksJson(message), "actions")).isEmpty();
		assertThat(blocksJson(message).toString()).contains("<" + LINK + "|Project-sharing app 0.1>")
			.doesNotContain("K7M2Q|");
	}

	@Test
	void onAClosedCutTheReminderSaysSoWithNoControls() {
		Cut cut = cut(List.of("email signup", "create project"), CutStatus.CLOSED);
		SlackMessage message = ReminderMessage.render(cut, Map.of(1, Choice.SHIP), Optional.of(LINK));

		GoldenJson.assertMatches("reminder-dm-closed", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(message.text()).isEqualTo("Project-sharing app 0.1 is closed");
		assertThat(blocksJson(message).toString()).contains("voting is over", "You voted on 1 of 2 items.")
			.doesNotContain("K7M2Q|");
	}

	@Test
	void onACancelledCutTheReminderSaysNoDecisionWasMade() {
		Cut cut = cut(List.of("email signup"), CutStatus.CANCELLED);
		SlackMessage message = ReminderMessage.render(cut, Map.of(), Optional.empty());

		assertThat(message.text()).isEqualTo("Project-sharing app 0.1 was cancelled");
		assertThat(blocksJson(message).toString()).contains("was cancelled: no decision was made", "0 of 1 item.")
			.doesNotContain("K7M2Q|", "voting is over");
	}

	@Test
	void withoutALinkTheTitleIsPlainText() {
		SlackMessage message = ReminderMessage.render(cut(List.of("a <b>")), Map.of(), Optional.empty());

		assertThat(blocksJson(message).toString()).doesNotContain("archives").contains("*Project-sharing app 0.1*");
		assertThat(ofType(blocksJson(message), "section").get(1).getAsJsonObject("text").get("text").getAsString())
			.isEqualTo("*a &lt;b&gt;*");
	}

	@Test
	void thirtyItemsLeftStayWithinFiftyBlocksWithAMenuEach() {
		SlackMessage message = ReminderMessage.render(cut(numberedItems(30)), Map.of(), Optional.of(LINK));

		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(message.blocks()).hasSizeLessThanOrEqualTo(50);
		assertThat(blocksJson(message).toString()).contains("\"overflow\"").doesNotContain("\"actions\"");
		assertThat(ofType(blocksJson(message), "section")).hasSize(31);
	}

	static Cut cut(List<String> texts) {
		return cut(texts, CutStatus.OPEN);
	}

	static Cut cut(List<String> texts, CutStatus status) {
		List<Item> items = new ArrayList<>();
		texts.forEach((text) -> items.add(new Item(items.size() + 1, text)));
		return new Cut(REF, "C0PLAN", "U0ANN", "Project-sharing app 0.1", items,
				new CutSettings("", DEADLINE, 0, 0, false), status, CREATED, null, "1741000000.000100");
	}

	static List<JsonObject> actions(SlackMessage message) {
		return ofType(blocksJson(message), "actions");
	}

}
