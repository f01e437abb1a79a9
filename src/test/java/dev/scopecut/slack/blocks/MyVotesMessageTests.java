package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.numberedItems;
import static dev.scopecut.support.blockkit.Fixtures.blocksJson;
import static dev.scopecut.support.blockkit.Fixtures.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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

class MyVotesMessageTests {

	private static final CutRef REF = new CutRef("T0SCOPE", new CutId("K7M2Q"));

	private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	private static final Instant DEADLINE = Instant.parse("2025-03-05T17:00:00Z");

	private static final List<String> THREE_ITEMS = List.of("email signup", "create project", "single sign-on");

	/** Ship on the first item, Defer on the second, nothing on the third. */
	private static final Map<Integer, Choice> TWO_CHOICES = Map.of(1, Choice.SHIP, 2, Choice.DEFER);

	@Test
	void openCutShowsEachChoiceWithTheSameShipAndDeferButtonsAsTheCutsMessage() {
		Cut cut = cut(THREE_ITEMS, CutStatus.OPEN, false);
		SlackMessage message = MyVotesMessage.render(cut, TWO_CHOICES);

		GoldenJson.assertMatches("my-votes-open", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(message.text()).isEqualTo("Your votes on Project-sharing app 0.1: 2 of 3 items voted");
		assertThat(sectionTexts(message)).contains("*email signup*\nYour vote: *Ship*",
				"*create project*\nYour vote: *Defer*", "*single sign-on*\nYour vote: _not voted yet_");
		// the very buttons of the channel's message: same block, action ids and values
		SlackMessage channel = CutMessage.render(new CutSnapshot(cut, Ballots.NONE, 0, null));
		assertThat(actionsBlocks(message)).isNotEmpty()
			.allSatisfy((row) -> assertThat(actionsBlocks(channel)).contains(row));
		assertThat(actionsBlocks(message)).hasSize(3);
	}

	@Test
	void closedCutShowsTheChoicesWithoutButtons() {
		SlackMessage message = MyVotesMessage.render(cut(THREE_ITEMS, CutStatus.CLOSED, false), TWO_CHOICES);

		GoldenJson.assertMatches("my-votes-closed", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(GoldenJson.toJson(message.blocks())).doesNotContain("\"actions\"")
			.doesNotContain("\"button\"")
			.doesNotContain("\"overflow\"")
			.contains("This cut is closed");
		assertThat(sectionTexts(message)).contains("*create project*\nYour vote: *Defer*");
	}

	@Test
	void cancelledCutSaysSoWithoutButtons() {
		SlackMessage message = MyVotesMessage.render(cut(THREE_ITEMS, CutStatus.CANCELLED, false), Map.of());

		GoldenJson.assertMatches("my-votes-cancelled", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(GoldenJson.toJson(message.blocks())).doesNotContain("\"actions\"")
			.doesNotContain("\"overflow\"")
			.contains("This cut was cancelled");
		assertThat(message.text()).endsWith("0 of 3 items voted");
	}

	@Test
	void sixteenItemsGetTheSameShipDeferMenuAsTheCutsMessage() {
		Cut cut = cut(numberedItems(16), CutStatus.OPEN, false);
		SlackMessage message = MyVotesMessage.render(cut, Map.of(16, Choice.DEFER));

		List<JsonObject> rows = ofType(blocksJson(message), "section").stream()
			.filter((block) -> block.has("accessory"))
			.toList();
		assertThat(rows).hasSize(16);
		JsonObject last = rows.get(15);
		assertThat(last.getAsJsonObject("text").get("text").getAsString()).isEqualTo("*item 16*\nYour vote: *Defer*");
		SlackMessage channel = CutMessage.render(new CutSnapshot(cut, Ballots.NONE, 0, null));
		JsonObject channelRow = ofType(blocksJson(channel), "section").stream()
			.filter((block) -> block.has("block_id") && block.get("block_id").getAsString().equals("item-16"))
			.findFirst()
			.orElseThrow();
		assertThat(last.get("accessory")).isEqualTo(channelRow.get("accessory"));
		assertThat(last.getAsJsonObject("accessory").get("action_id").getAsString()).isEqualTo(ActionIds.VOTE_MENU);
		assertThat(ofType(blocksJson(message), "actions")).isEmpty();
		BlockKitLimits.assertWithinLimits(message.blocks());
	}

	@Test
	void largestCutStaysWithinSlackLimitsWhateverItsStatus() {
		// 150 characters, mostly '&', which escaping makes five times longer
		List<String> items = IntStream.rangeClosed(1, 30)
			.mapToObj((i) -> "%02d ".formatted(i) + "&".repeat(147))
			.toList();
		String title = "T".repeat(75) + "&<>".repeat(25);
		Map<Integer, Choice> choices = new HashMap<>();
		IntStream.rangeClosed(1, 29).forEach((i) -> choices.put(i, (i % 2 == 0) ? Choice.SHIP : Choice.DEFER));
		for (CutStatus status : CutStatus.values()) {
			Cut cut = cut(title, items, status, false);
			assertThat(cut.items()).allSatisfy((item) -> assertThat(item.text()).hasSize(Item.MAX_LENGTH));

			SlackMessage message = MyVotesMessage.render(cut, choices);

			BlockKitLimits.assertWithinLimits(message.blocks());
			assertThat(message.blocks()).hasSize(31);
		}
	}

	@Test
	void anonymousCutShowsTheClickerOnlyTheirOwnChoices() {
		SlackMessage message = MyVotesMessage.render(cut(THREE_ITEMS, CutStatus.OPEN, true), TWO_CHOICES);

		String json = GoldenJson.toJson(message.text(), message.blocks());
		assertThat(json).doesNotContain("<@").doesNotContain("Ship 1").doesNotContain("voted:");
	}

	@Test
	void userTextIsEscapedAndNeverBecomesAMention() {
		String hostile = "R&D <@U123> <!channel> a > b";
		String escaped = "R&amp;D &lt;@U123&gt; &lt;!channel&gt; a &gt; b";

		for (CutStatus status : CutStatus.values()) {
			SlackMessage message = MyVotesMessage.render(cut(hostile, List.of(hostile, "plain"), status, false),
					Map.of(1, Choice.SHIP));

			assertThat(message.text()).contains(escaped).doesNotContain("<");
			assertThat(sectionTexts(message)).allSatisfy((text) -> assertThat(text).doesNotContain("<"))
				.anySatisfy((text) -> assertThat(text).startsWith("*" + escaped + "*\nYour vote: *Ship*"));
		}
	}

	// fixtures

	private static Cut cut(List<String> items, CutStatus status, boolean anonymous) {
		return cut("Project-sharing app 0.1", items, status, anonymous);
	}

	private static Cut cut(String title, List<String> texts, CutStatus status, boolean anonymous) {
		List<Item> items = new ArrayList<>();
		texts.forEach((text) -> items.add(new Item(items.size() + 1, text)));
		return new Cut(REF, "C0RELEASE", "U0FACIL", title, items, new CutSettings("", DEADLINE, 0, 0, anonymous),
				status, CREATED, (status == CutStatus.OPEN) ? null : DEADLINE, "1741000000.000100");
	}

	private static List<JsonObject> actionsBlocks(SlackMessage message) {
		return ofType(blocksJson(message), "actions").stream()
			.filter((block) -> block.get("block_id").getAsString().startsWith("vote-"))
			.toList();
	}

	private static List<String> sectionTexts(SlackMessage message) {
		return ofType(blocksJson(message), "section").stream()
			.map((block) -> block.getAsJsonObject("text").get("text").getAsString())
			.toList();
	}

}
