package dev.scopecut.slack.blocks;

import static dev.scopecut.support.blockkit.Fixtures.ballots;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.NextCut;
import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.blockkit.Fixtures;
import dev.scopecut.support.blockkit.GoldenJson;
import dev.scopecut.support.blockkit.GoldenText;

/**
 * The next cut of a closed one: its form, and the messages and record of a cut that
 * carries items.
 */
class NextCutRenderingTests {

	private static final CutRef PARENT = new CutRef("T0SCOPE", new CutId("P4R3N"));

	private static final CutRef CHILD = new CutRef("T0SCOPE", new CutId("K7M2Q"));

	private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

	private static final Instant CLOSED = Instant.parse("2025-03-05T16:30:00Z");

	private static final Instant NOW = Instant.parse("2025-03-06T09:00:42Z");

	private static final CutSettings SETTINGS = new CutSettings("Will people share a link?",
			Instant.parse("2025-03-05T17:00:00Z"), 0, 0, false);

	/**
	 * Five votes on four items: email signup ships 4–1, create project ties, single
	 * sign-on and dark mode defer.
	 */
	private static final Ballots VOTES = ballots("U0V1=SSDD", "U0V2=SDDD", "U0V3=SS-D", "U0V4=DD--", "U0V5=S---");

	/**
	 * A closed cut whose single sign-on was deferred twice before it and dark mode once.
	 */
	private static Cut parent(List<String> items) {
		return Fixtures
			.cut(PARENT, "U0FACIL", CREATED, "Project-sharing app v1.9", items, SETTINGS, CutStatus.CLOSED, CLOSED)
			.withLineage(new Lineage(new CutId("GR4ND"), "Project-sharing app v1.8", Map.of(3, 2, 4, 1)));
	}

	private static NextCut next(Cut parent) {
		return NextCut.of(parent, new CutSnapshot(parent, VOTES, 3, null).decision());
	}

	/** The child of {@link #parent}, carrying its three deferred items and one new. */
	private static Cut child(CutStatus status) {
		Cut parent = parent(List.of("email signup", "create project", "single sign-on", "dark mode"));
		Cut child = Fixtures.cut(CHILD, "U0FACIL", CREATED, "Project-sharing app v1.10",
				List.of("single sign-on", "dark mode", "create project", "offline mode"), SETTINGS, status, CLOSED);
		return child.withLineage(next(parent).lineage(child.items()));
	}

	@Test
	void theNextCutsFormIsPrefilledWithTheDeferredItemsTheirCountsAndStreaks() {
		Cut parent = parent(List.of("email signup", "create project", "single sign-on", "dark mode"));

		View view = NewCutModal.next(NOW, "C0PLAN", next(parent));

		GoldenJson.assertJsonMatches("new-cut-modal-next", GsonFactory.createSnakeCase().toJson(view));
		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.MODAL);
		assertThat(NewCutModal.Metadata.parse(view.getPrivateMetadata()))
			.contains(new NewCutModal.Metadata("C0PLAN", Optional.of(PARENT.id())));
		String json = GsonFactory.createSnakeCase().toJson(view);
		assertThat(json).contains("\"initial_value\":\"Project-sharing app v1.10\"",
				"\"initial_value\":\"create project\\nsingle sign-on\\ndark mode\"", "create project (2–2) (tie)\\n",
				"single sign-on (0–2) · *deferred in 3 cuts in a row*", "dark mode (0–3) · deferred in 2 cuts in a row")
			.doesNotContain("• email signup")
			.doesNotContain("Will people share a link?");
	}

	@Test
	void deferredItemsTheFormCannotHoldAreNamedAsLeftOut() {
		List<String> items = Fixtures.numberedItems(31);
		Cut parent = parent(items);

		View view = NewCutModal.next(NOW, "C0PLAN",
				NextCut.of(parent, new CutSnapshot(parent, Ballots.NONE, 0, null).decision()));

		BlockKitLimits.assertWithinLimits(view.getBlocks(), BlockKitRules.Surface.MODAL);
		String json = GsonFactory.createSnakeCase().toJson(view);
		assertThat(json).contains("item 30\"", "*Left out: 1 more* (a cut takes at most 30 items", "• item 31")
			.doesNotContain("item 30\\nitem 31");
	}

	@Test
	void itemsBeyondTheFormsCharactersAreLeftOutToo() {
		List<String> long150 = IntStream.rangeClosed(1, 25)
			.mapToObj((i) -> "%03d".formatted(i) + "x".repeat(147))
			.toList();

		assertThat(NewCutModal.fitting(long150)).isEqualTo(19);
		assertThat(NewCutModal.fitting(Fixtures.numberedItems(40))).isEqualTo(30);
		assertThat(NewCutModal.fitting(List.of())).isZero();
	}

	@Test
	void aChildCutsMessageSaysWhatItCarriesFromItsParent() {
		SlackMessage message = CutMessage.render(new CutSnapshot(child(CutStatus.OPEN), Ballots.NONE, 0, null));

		GoldenJson.assertMatches("cut-open-child", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		assertThat(GoldenJson.toJson(message.blocks()))
			.contains("Carries 3 items deferred from Project-sharing app v1.9 (`P4R3N`)");
	}

	@Test
	void anItemDeferredInThreeCutsInARowIsFlaggedInTheResultAndTheRecord() {
		CutSnapshot closed = new CutSnapshot(child(CutStatus.CLOSED), ballots("U0V1=DDDS", "U0V2=DSDS"), 4, null);

		SlackMessage message = CutMessage.render(closed);

		GoldenJson.assertMatches("cut-closed-child", message.text(), message.blocks());
		BlockKitLimits.assertWithinLimits(message.blocks());
		// Deferred before: single sign-on in 3 cuts in a row, dark mode (a tie now) in 2,
		// create project in 1.
		assertThat(GoldenJson.toJson(message.blocks()))
			.contains("single sign-on — deferred in 4 cuts in a row\\n• dark mode — deferred in 3 cuts in a row\"")
			.doesNotContain("create project — deferred");
		String record = DecisionRecord.markdown(closed, NOW);
		GoldenText.assertMatches("record-child.md", record);
		assertThat(record).contains("- Carries 3 items deferred from Project-sharing app v1.9 (`P4R3N`)",
				"- single sign-on — Ship 0, Defer 2 (deferred in 4 cuts in a row)",
				"- create project — Ship 0, Defer 2\n");
	}

}
