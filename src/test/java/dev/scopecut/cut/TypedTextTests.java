package dev.scopecut.cut;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scopecut.cut.InvalidCutException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of typed text, as a quick start, the form and the item edits meet them.
 */
class TypedTextTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private static final CutSettings SETTINGS = new CutSettings("", NOW.plus(Duration.ofHours(2)), 0, 0, false);

	private static final String DECOMPOSED_CAFE = "cafe\u0301";

	private static Cut cut(String... items) {
		return Cut.open(new CutRef("T1", new CutId("K7M2Q")), "C1", "U_ANN",
				new CutDraft("Sharing app", List.of(items), SETTINGS), NOW);
	}

	private static InvalidCutException refusal(Runnable typing) {
		try {
			typing.run();
		}
		catch (InvalidCutException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	@ParameterizedTest(name = "line break U+{0}")
	@ValueSource(strings = { "000A", "000D", "000D000A", "000B", "000C", "0085", "2028", "2029" })
	void everyKindOfLineBreakSplitsAQuickStartsItems(String hex) {
		String lineBreak = lineBreak(hex);

		CutDraft draft = QuickStart.parse("Release: signup" + lineBreak + "share link", SETTINGS);

		assertThat(draft.items()).containsExactly("signup", "share link");
	}

	@ParameterizedTest(name = "line break U+{0}")
	@ValueSource(strings = { "000A", "000D", "000D000A", "000B", "000C", "0085", "2028", "2029" })
	void aLineBreakInATitleOrAQuestionIsFoldedToASpace(String hex) {
		String lineBreak = lineBreak(hex);
		CutSettings question = new CutSettings("What" + lineBreak + "ship now    forged?", SETTINGS.deadline(), 0, 0,
				false);

		CutDraft draft = new CutDraft("Release" + lineBreak + "ship now    everything", List.of("a"), question);

		assertThat(draft.title()).isEqualTo("Release ship now    everything");
		assertThat(draft.settings().question()).isEqualTo("What ship now    forged?");
	}

	@ParameterizedTest(name = "line break U+{0}")
	@ValueSource(strings = { "000A", "000D", "000D000A", "000B", "000C", "0085", "2028", "2029" })
	void anItemAddedWithALineBreakIsRefused(String hex) {
		String typed = "dark mode" + lineBreak(hex) + "ship now    everything";

		assertThat(refusal(() -> CutEdits.newItem(cut("signup"), typed)).reason()).isEqualTo(Reason.ADD_ONE_AT_A_TIME);
	}

	@Test
	void controlCharactersAndBidirectionalOverridesNeverReachTheCut() {
		CutDraft draft = QuickStart
			.parse("Re\u0000lease\u001B[31m: sign\u0007up; \u202Eevil\u202C; a\tb; \u2066x\u2069", SETTINGS);

		assertThat(draft.title()).isEqualTo("Release[31m");
		assertThat(draft.items()).containsExactly("signup", "evil", "a b", "x");
		assertThat(CutEdits.newItem(cut("signup"), "\u009Bdark\u0000 mode\u202D\u0007")).isEqualTo("dark mode");
	}

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "200B", "00A0", "FEFF", "200D", "2060", "3164", "00A0200B00A0" })
	void anInvisibleItemOrTitleIsRefused(String hex) {
		String invisible = lineBreak(hex);

		assertThat(refusal(() -> new CutDraft("Release", List.of("signup", invisible + "\u200B"), SETTINGS)).reason())
			.isEqualTo(Reason.ITEM_INVISIBLE);
		assertThat(refusal(() -> new CutDraft(invisible + "\u200B", List.of("signup"), SETTINGS)).reason())
			.isEqualTo(Reason.TITLE_INVISIBLE);
		assertThat(refusal(() -> CutEdits.newItem(cut("signup"), invisible + "\u200B")).reason())
			.isEqualTo(Reason.ITEM_INVISIBLE);
	}

	@Test
	void lookAlikeItemsAreListedTwice() {
		for (String lookAlike : List.of(DECOMPOSED_CAFE, "ＣＡＦÉ", "ca\u200Bfé", "CAFÉ", "café\u00A0",
				"caf\u00E9\uFEFF")) {
			assertThat(refusal(() -> new CutDraft("Release", List.of("café", lookAlike), SETTINGS)).reason())
				.as(lookAlike)
				.isEqualTo(Reason.ITEM_TWICE);
			assertThat(refusal(() -> CutEdits.newItem(cut("café"), lookAlike)).reason()).as(lookAlike)
				.isEqualTo(Reason.ITEM_ALREADY_LISTED);
		}
	}

	@Test
	void aRemovalFindsTheItemHoweverItsLookAlikeIsTyped() {
		Cut cut = cut("café", "R&D review", "dark mode");

		assertThat(CutEdits.itemToRemove(cut, DECOMPOSED_CAFE).text()).isEqualTo("café");
		assertThat(CutEdits.itemToRemove(cut, "ｄａｒｋ ｍｏｄｅ").text()).isEqualTo("dark mode");
		assertThat(CutEdits.itemToRemove(cut, "r&d\u200B review").text()).isEqualTo("R&D review");
	}

	@Test
	void textIsStoredInNormalFormC() {
		CutDraft draft = new CutDraft(DECOMPOSED_CAFE, List.of(DECOMPOSED_CAFE + " au lait"), SETTINGS);

		assertThat(draft.title()).isEqualTo("café");
		assertThat(draft.items()).containsExactly("café au lait");
	}

	@Test
	void aLengthCountsCodePointsOfTheNormalFormNotUtf16Units() {
		String emoji = "😀".repeat(Item.MAX_LENGTH);
		String decomposed = "e\u0301".repeat(Item.MAX_LENGTH);

		CutDraft draft = new CutDraft("🚀".repeat(CutDraft.MAX_TITLE_LENGTH), List.of(emoji, decomposed), SETTINGS);

		assertThat(draft.items()).containsExactly(emoji, "é".repeat(Item.MAX_LENGTH));
		assertThat(CutEdits.newItem(cut("signup"), "😀".repeat(Item.MAX_LENGTH))).hasSize(2 * Item.MAX_LENGTH);
		assertThat(refusal(() -> CutEdits.newItem(cut("signup"), "😀".repeat(Item.MAX_LENGTH + 1))).values())
			.containsExactly(151, 150);
	}

	@Test
	void aRefusalsExcerptEndsBetweenWholeCharacters() {
		String family = "👨‍👩‍👧";
		String item = "é" + family.repeat(Item.MAX_LENGTH);

		InvalidCutException refusal = refusal(() -> new CutDraft("Release", List.of(item), SETTINGS));

		assertThat(refusal.reason()).isEqualTo(Reason.ITEM_TOO_LONG);
		assertThat(refusal.typed()).isEqualTo("é" + family.repeat(39) + "…");
		assertThat(TypedText.excerpt("e\u0301".repeat(50), 40)).isEqualTo("e\u0301".repeat(40) + "…");
		assertThat(TypedText.excerpt("short", 40)).isEqualTo("short");
	}

	@Test
	void aRefusalKeepsTheTypedTextApartSoEachSurfaceEscapesIt() {
		InvalidCutException twice = refusal(() -> new CutDraft("Release", List.of("<!here>", "<!HERE>"), SETTINGS));

		assertThat(twice.reason()).isEqualTo(Reason.ITEM_TWICE);
		assertThat(twice.typed()).isEqualTo("<!HERE>");
		assertThat(twice.values()).isEmpty();
	}

	/** The code points written in hex, four digits each. */
	private static String lineBreak(String hex) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < hex.length(); i += 4) {
			text.appendCodePoint(Integer.parseInt(hex.substring(i, i + 4), 16));
		}
		return text.toString();
	}

}
