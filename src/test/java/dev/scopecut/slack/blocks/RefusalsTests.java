package dev.scopecut.slack.blocks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutEdits;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.cut.QuickStart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person reads for each refusal the domain raises: the domain's tests assert the
 * reason and its values, these the sentence that says what to change.
 */
class RefusalsTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private static final CutSettings NO_LIMITS = new CutSettings("", NOW.plus(Duration.ofHours(2)), 0, 0, false);

	@Test
	void aNewCutsRefusalsSayWhatToChange() {
		assertThat(words(() -> new CutDraft(null, List.of("a"), NO_LIMITS))).contains("Give the cut a title")
			.contains("/scopecut");
		assertThat(words(() -> new CutDraft("t".repeat(151), List.of("a"), NO_LIMITS)))
			.isEqualTo("The title is 151 characters; shorten it to 150 or fewer.");
		assertThat(words(() -> new CutDraft("Release", List.of(" ", ""), NO_LIMITS)))
			.isEqualTo("List at least one item after the title, separated by `;` or new lines.");
		assertThat(words(() -> new CutDraft("Release", items(31), NO_LIMITS)))
			.isEqualTo("A cut takes at most 30 items and this one has 31: remove 1 and try again.");
		assertThat(words(() -> new CutDraft("Release",
				List.of("short", "Let people sign up with their email address" + "x".repeat(108)), NO_LIMITS)))
			.isEqualTo(
					"Item “Let people sign up with their email addr…” is 151 characters; shorten it to 150 or fewer.");
		assertThat(words(() -> new CutDraft("Release", List.of("Share link", "signup", "SHARE LINK "), NO_LIMITS)))
			.isEqualTo("“SHARE LINK” is listed twice; list each item once.");
		assertThat(words(() -> new CutDraft("Release", List.of("signup", "\u200B\u00A0"), NO_LIMITS)))
			.contains("shows nothing");
		assertThat(words(() -> new CutDraft("Release", List.of("a", "b"),
				new CutSettings("", NO_LIMITS.deadline(), 3, 0, false))))
			.isEqualTo("The capacity (3) is more than the 2 items listed; lower it or leave it empty.");
		assertThat(words(() -> new CutDraft("Release", List.of("a"),
				new CutSettings("", NO_LIMITS.deadline(), 0, 3, false, List.of("U1", "U2"), false))))
			.isEqualTo("The quorum (3) is more than the 2 chosen voters could ever reach; lower it or leave it empty.");
		assertThat(words(() -> QuickStart.parse("Release email signup; share link", NO_LIMITS)))
			.startsWith("Put a colon after the title");
	}

	@Test
	void anEditsRefusalsSayWhatToChange() {
		Cut cut = cut(List.of("email signup", "dark mode"), 0);

		assertThat(words(() -> CutEdits.newItem(cut, "  "))).contains("which item to add");
		assertThat(words(() -> CutEdits.newItem(cut, "Dark Mode"))).contains("“Dark Mode” is already listed");
		assertThat(words(() -> CutEdits.newItem(cut, "a; b"))).contains("one item at a time");
		assertThat(words(() -> CutEdits.newItem(cut(items(30), 0), "one more"))).contains("at most 30 items");
		assertThat(words(() -> CutEdits.itemToRemove(cut, "sso"))).contains("No item of `K7M2Q` reads “sso”");
		assertThat(words(() -> CutEdits.itemToRemove(cut(List.of("only"), 0), "only"))).contains("at least one item");
		assertThat(words(() -> CutEdits.itemToRemove(cut(List.of("a", "b"), 2), "a")))
			.contains("ships at most 2 items");
		assertThat(words(() -> CutEdits.extendedDeadline(cut, Duration.ofHours(1), NOW.plus(Duration.ofHours(4)))))
			.contains("still be in the past");
		assertThat(words(() -> CutEdits.details(cut, new CutDetails("Sharing app", "", 3, 0))))
			.contains("capacity (3) is more than the 2 items");
	}

	@Test
	void anExcerptOfWhatWasTypedEndsBetweenWholeCharacters() {
		String family = "👨‍👩‍👧";

		assertThat(words(() -> new CutDraft("Release", List.of("é" + family.repeat(150)), NO_LIMITS)))
			.startsWith("Item “é" + family.repeat(39) + "…”");
	}

	@Test
	void whatWasTypedIsQuotedEscapedAsTheSurfaceNeeds() {
		InvalidCutException twice = refusal(() -> new CutDraft("Release", List.of("<!here>", "<!HERE>"), NO_LIMITS));

		assertThat(Refusals.text(twice, UnaryOperator.identity()))
			.isEqualTo("“<!HERE>” is listed twice; list each item once.");
		assertThat(Refusals.text(twice, (typed) -> typed.replace("<", "&lt;").replace(">", "&gt;")))
			.isEqualTo("“&lt;!HERE&gt;” is listed twice; list each item once.");
	}

	private static String words(Runnable asking) {
		return Refusals.text(refusal(asking), UnaryOperator.identity());
	}

	private static InvalidCutException refusal(Runnable asking) {
		try {
			asking.run();
		}
		catch (InvalidCutException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	private static Cut cut(List<String> items, int capacity) {
		CutDraft draft = new CutDraft("Sharing app", items,
				new CutSettings("", NOW.plus(Duration.ofHours(2)), capacity, 0, false));
		return Cut.open(new CutRef("T1", new CutId("K7M2Q")), "C1", "U_ANN", draft, NOW);
	}

	private static List<String> items(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> "item " + i).toList();
	}

}
