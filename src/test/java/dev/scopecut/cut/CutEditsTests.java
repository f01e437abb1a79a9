package dev.scopecut.cut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scopecut.cut.InvalidCutException.Reason;

class CutEditsTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private static final CutRef REF = new CutRef("T1", new CutId("K7M2Q"));

	private static Cut cut(List<String> items, int capacity) {
		CutDraft draft = new CutDraft("Sharing app", items,
				new CutSettings("", NOW.plus(Duration.ofHours(2)), capacity, 0, false));
		return Cut.open(REF, "C1", "U_ANN", draft, NOW);
	}

	@Test
	void anAddedItemIsStrippedAndKeepsTheLimitsOfANewCut() {
		Cut cut = cut(List.of("email signup", "dark mode"), 0);

		assertThat(CutEdits.newItem(cut, "  share link ")).isEqualTo("share link");
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.newItem(cut, "  "))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.ADD_WHICH);
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.newItem(cut, "x".repeat(151)))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.ITEM_TOO_LONG))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(151, 150));
		assertThat(CutEdits.newItem(cut, "x".repeat(150))).hasSize(150);
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.newItem(cut, "Dark Mode"))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.ITEM_ALREADY_LISTED))
			.satisfies((refusal) -> assertThat(refusal.typed()).isEqualTo("Dark Mode"));
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.newItem(cut, "a; b"))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.ADD_ONE_AT_A_TIME);
	}

	@Test
	void aFullCutTakesNoMoreItems() {
		Cut full = cut(IntStream.rangeClosed(1, 30).mapToObj((i) -> "item " + i).toList(), 0);

		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.newItem(full, "one more"))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.CUT_FULL))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(30));
	}

	@Test
	void anItemToRemoveIsNamedByItsTextIgnoringCase() {
		Cut cut = cut(List.of("email signup", "dark mode"), 0);

		assertThat(CutEdits.itemToRemove(cut, " DARK mode ")).isEqualTo(new Item(2, "dark mode"));
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.itemToRemove(cut, "sso"))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.NO_SUCH_ITEM))
			.satisfies((refusal) -> assertThat(refusal.typed()).isEqualTo("sso"))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(new CutId("K7M2Q")));
	}

	@Test
	void theLastItemAndItemsTheCapacityNeedsStay() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.itemToRemove(cut(List.of("only"), 0), "only"))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.LAST_ITEM);
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.itemToRemove(cut(List.of("a", "b"), 2), "a"))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.ITEMS_AT_CAPACITY))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(2));
	}

	@ParameterizedTest
	@CsvSource({ "30m, PT30M", "2h, PT2H", "1d, PT24H", "2 H, PT2H", "30d, PT720H" })
	void anExtensionIsMinutesHoursOrDays(String typed, Duration expected) {
		assertThat(CutEdits.extension(typed)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0h", "-2h", "2w", "31d", "721h", "soon", "2h30m", "1.5h" })
	void anythingElseIsRefusedWithWhatToChange(String typed) {
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> CutEdits.extension(typed))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(InvalidCutException.Field.DEADLINE));
	}

	@Test
	void anExtensionMustLeaveTheDeadlineInTheFuture() {
		Cut cut = cut(List.of("a"), 0);

		assertThat(CutEdits.extendedDeadline(cut, Duration.ofHours(1), NOW)).isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.extendedDeadline(cut, Duration.ofHours(1), NOW.plus(Duration.ofHours(4))))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.EXTENDED_STILL_PAST);
	}

	@Test
	void anExtensionIsDescribedInItsLargestWholeUnit() {
		assertThat(CutEdits.describe(Duration.ofDays(2))).isEqualTo("2d");
		assertThat(CutEdits.describe(Duration.ofHours(36))).isEqualTo("36h");
		assertThat(CutEdits.describe(Duration.ofMinutes(90))).isEqualTo("90m");
	}

	@Test
	void changedDetailsAreStrippedAndKeepTheRulesOfANewCut() {
		Cut cut = cut(List.of("email signup", "dark mode"), 0);

		assertThat(CutEdits.details(cut, new CutDetails("  Sharing app 0.2 ", " Why? ", 2, 3)))
			.isEqualTo(new CutDetails("Sharing app 0.2", "Why?", 2, 3));
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.details(cut, new CutDetails(" ", "", 0, 0)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(InvalidCutException.Field.TITLE));
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.details(cut, new CutDetails("x".repeat(151), "", 0, 0)))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.TITLE_TOO_LONG))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(151, 150));
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.details(cut, new CutDetails("Sharing app", "", 3, 0)))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.CAPACITY_ABOVE_ITEMS))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(3, 2))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(InvalidCutException.Field.CAPACITY));
	}

	@Test
	void aQuorumMustBeReachableByTheChosenVoters() {
		Cut chosen = Cut.open(REF, "C1", "U_ANN", new CutDraft("Sharing app", List.of("email signup"),
				new CutSettings("", NOW.plus(Duration.ofHours(2)), 0, 0, false, List.of("U_ANN", "U_BOB"), false)),
				NOW);

		assertThat(CutEdits.details(chosen, new CutDetails("Sharing app", "", 0, 2)).quorum()).isEqualTo(2);
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> CutEdits.details(chosen, new CutDetails("Sharing app", "", 0, 3)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(InvalidCutException.Field.QUORUM));
		assertThat(CutEdits.details(cut(List.of("email signup"), 0), new CutDetails("Sharing app", "", 0, 40)).quorum())
			.isEqualTo(40);
	}

	@Test
	void changesReadAsOldAndNewValuesAndNothingWhenNothingChanged() {
		CutDetails before = new CutDetails("Old", "", 3, 0);

		assertThat(CutEdits.changes(before, new CutDetails("New", "Why\nnow?", 2, 4)))
			.isEqualTo("title “Old” → “New”; question “” → “Why now?”; capacity 3 → 2; quorum none → 4");
		assertThat(CutEdits.changes(before, new CutDetails("Old", "", 0, 0))).isEqualTo("capacity 3 → none");
		assertThat(CutEdits.changes(before, before)).isEmpty();
	}

}
