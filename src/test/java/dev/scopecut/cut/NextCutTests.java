package dev.scopecut.cut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NextCutTests {

	private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

	private static final CutSettings SETTINGS = new CutSettings("Will people share a link?", NOW.plusSeconds(3600), 0,
			0, false);

	/** A closed cut of the items, with one lineage, decided by the given ballots. */
	private static Cut closed(String title, List<String> texts, Lineage lineage) {
		List<Item> items = new ArrayList<>();
		texts.forEach((text) -> items.add(new Item(items.size() + 1, text)));
		return new Cut(new CutRef("T1", new CutId("K7M2Q")), "C1", "U0ANN", title, items, SETTINGS, CutStatus.CLOSED,
				NOW, NOW.plusSeconds(60), "1.2", List.of(), lineage);
	}

	private static Decision decide(Cut cut, Ballots ballots) {
		return DecisionRule.decide(cut.settings(), Tally.count(cut.items(), ballots));
	}

	private static Ballots votes(String choices) {
		Map<Integer, Choice> mine = new HashMap<>();
		for (int i = 0; i < choices.length(); i++) {
			mine.put(i + 1, choices.charAt(i) == 'S' ? Choice.SHIP : Choice.DEFER);
		}
		return new Ballots(Map.of("U0BOB", mine));
	}

	@Test
	void aTitleEndingInAVersionHasItsLastNumberBumped() {
		assertThat(NextCut.bumpVersion("Sharing app 0.1")).isEqualTo("Sharing app 0.2");
		assertThat(NextCut.bumpVersion("Sharing app v1.9")).isEqualTo("Sharing app v1.10");
		assertThat(NextCut.bumpVersion("2.3.4")).isEqualTo("2.3.5");
		assertThat(NextCut.bumpVersion("Mobile v2")).isEqualTo("Mobile v3");
		assertThat(NextCut.bumpVersion("Sharing app 0.99999999999999999999"))
			.isEqualTo("Sharing app 0.100000000000000000000");
	}

	@Test
	void aTitleWithoutAVersionAtItsEndIsKept() {
		assertThat(NextCut.bumpVersion("Sharing app")).isEqualTo("Sharing app");
		assertThat(NextCut.bumpVersion("Sprint 12")).isEqualTo("Sprint 12");
		assertThat(NextCut.bumpVersion("0.1 of the sharing app")).isEqualTo("0.1 of the sharing app");
		assertThat(NextCut.bumpVersion("app2.0")).isEqualTo("app2.0");
		assertThat(NextCut.bumpVersion("")).isEmpty();
	}

	@Test
	void theNextCutCarriesTheDeferredItemsInOrderAndLeavesTheShippedOnesOut() {
		Cut parent = closed("Sharing app 0.1", List.of("email signup", "single sign-on", "share link", "dark mode"),
				Lineage.NONE);

		NextCut next = NextCut.of(parent, decide(parent, votes("SDSD")));

		assertThat(next.title()).isEqualTo("Sharing app 0.2");
		assertThat(next.texts()).containsExactly("single sign-on", "dark mode");
		assertThat(next.carried()).extracting(NextCut.Carried::deferredInARow).containsExactly(1, 1);
	}

	@Test
	void aStreakOfDeferralsGrowsFromParentToChildAndIsFlaggedAtThree() {
		Cut parent = closed("Sharing app 0.2", List.of("single sign-on", "dark mode"),
				new Lineage(new CutId("AAAAA"), "Sharing app 0.1", Map.of(1, 1)));
		NextCut next = NextCut.of(parent, decide(parent, votes("DD")));
		assertThat(next.carried()).extracting(NextCut.Carried::deferredInARow).containsExactly(2, 1);

		Cut child = Cut.open(new CutRef("T1", new CutId("B2C3D")), "C1", "U0ANN",
				new CutDraft(next.title(), List.of("Dark mode", "offline", "single sign-on"), SETTINGS), NOW);
		Lineage lineage = next.lineage(child.items());

		assertThat(lineage.parentId()).contains(new CutId("K7M2Q"));
		assertThat(lineage.parentTitle()).isEqualTo("Sharing app 0.2");
		// Matched as the same item whatever its case; a new item has no streak.
		assertThat(lineage.deferrals()).containsOnly(Map.entry(1, 1), Map.entry(3, 2));
		assertThat(lineage.carried(child.items())).isEqualTo(2);
		Cut decided = child.withLineage(lineage);
		Decision deferredAgain = decide(decided, votes("DDD"));
		assertThat(lineage.longDeferred(deferredAgain)).extracting(Outcome::item)
			.extracting(Item::text)
			.containsExactly("single sign-on");
		assertThat(lineage.longDeferred(decide(decided, votes("DDS")))).isEmpty();
	}

	@Test
	void aBumpedTitleOverTheLimitKeepsTheTitle() {
		String title = "x".repeat(CutDraft.MAX_TITLE_LENGTH - 4) + " 1.9";
		Cut parent = closed(title, List.of("a"), Lineage.NONE);

		assertThat(NextCut.of(parent, decide(parent, votes("D"))).title()).isEqualTo(title);
	}

	@Test
	void onlyAClosedCutHasANextOne() {
		Cut parent = closed("Sharing app 0.1", List.of("a"), Lineage.NONE);
		Cut cancelled = new Cut(parent.ref(), "C1", "U0ANN", "t", parent.items(), SETTINGS, CutStatus.CANCELLED, NOW,
				NOW, "1.2");

		assertThatThrownBy(() -> NextCut.of(cancelled, decide(cancelled, votes("D"))))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
