package dev.scopecut.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.scopecut.cut.InvalidCutException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CutDraftTests {

	private static final Instant DEADLINE = Instant.parse("2030-01-01T12:00:00Z");

	private static final CutSettings NO_LIMITS = new CutSettings("", DEADLINE, 0, 0, false);

	@Test
	void eachRefusalNamesTheFieldAtFault() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft(" ", List.of("a"), NO_LIMITS))
			.extracting(InvalidCutException::field)
			.isEqualTo(InvalidCutException.Field.TITLE);
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("a", "A"), NO_LIMITS))
			.extracting(InvalidCutException::field)
			.isEqualTo(InvalidCutException.Field.ITEMS);
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("a"), new CutSettings("", DEADLINE, 2, 0, false)))
			.extracting(InvalidCutException::field)
			.isEqualTo(InvalidCutException.Field.CAPACITY);
	}

	@Test
	void aQuorumTheChosenVotersCouldNeverReachIsRefused() {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 3, false, List.of("U1", "U2"), false);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("a"), settings))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.QUORUM_ABOVE_VOTERS))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(3, 2))
			.extracting(InvalidCutException::field)
			.isEqualTo(InvalidCutException.Field.QUORUM);
		assertThat(new CutDraft("Release", List.of("a"),
				new CutSettings("", DEADLINE, 0, 2, false, List.of("U1", "U2", "U1"), false))
			.settings()
			.voters()).containsExactly("U1", "U2");
	}

	@Test
	void everyRuleBrokenIsRefusedAtOnceTheFirstOfEachField() {
		CutSettings settings = new CutSettings("", DEADLINE, 3, 3, false, List.of("U1"), false);

		InvalidCutException refused = assertThrows(InvalidCutException.class,
				() -> new CutDraft("t".repeat(151), List.of("signup", "Signup", "x".repeat(151)), settings));

		assertThat(refused.refusals()).extracting(InvalidCutException::field)
			.containsExactly(InvalidCutException.Field.TITLE, InvalidCutException.Field.ITEMS,
					InvalidCutException.Field.QUORUM);
		assertThat(refused.refusals()).extracting(InvalidCutException::reason)
			.containsExactly(Reason.TITLE_TOO_LONG, Reason.ITEM_TWICE, Reason.QUORUM_ABOVE_VOTERS);
		assertThat(refused.refusals().get(1).typed()).isEqualTo("Signup");
		// read as one refusal, it is the first
		assertThat(refused.field()).isEqualTo(InvalidCutException.Field.TITLE);
		assertThat(refused.reason()).isEqualTo(Reason.TITLE_TOO_LONG);
		assertThat(refused.values()).containsExactly(151, 150);
	}

	@Test
	void oneItemIsEnough() {
		CutDraft draft = new CutDraft("Release", List.of("email signup"), NO_LIMITS);

		assertThat(draft.items()).containsExactly("email signup");
	}

	@Test
	void thirtyItemsOfOneHundredFiftyCharactersAndSuchATitleAreAccepted() {
		List<String> items = items(30, 150);
		String title = "t".repeat(150);

		CutDraft draft = new CutDraft(title, items, NO_LIMITS);

		assertThat(draft.title()).hasSize(150);
		assertThat(draft.items()).hasSize(30).allSatisfy((item) -> assertThat(item).hasSize(150));
		assertThat(draft.items()).containsExactlyElementsOf(items);
	}

	@Test
	void blankItemsAreDroppedAndTextIsTrimmed() {
		CutDraft draft = new CutDraft("  Release  ", List.of(" a ", "", "   ", "b"), NO_LIMITS);

		assertThat(draft.title()).isEqualTo("Release");
		assertThat(draft.items()).containsExactly("a", "b");
	}

	@Test
	void blankItemsDoNotCountTowardsTheLimit() {
		List<String> items = new ArrayList<>(items(30, 10));
		items.add(" ");
		items.add("");

		assertThat(new CutDraft("Release", items, NO_LIMITS).items()).hasSize(30);
	}

	@Test
	void surroundingSpaceDoesNotCountTowardsAnItemsLength() {
		CutDraft draft = new CutDraft("Release", List.of("  " + "x".repeat(150) + "  "), NO_LIMITS);

		assertThat(draft.items()).containsExactly("x".repeat(150));
	}

	@Test
	void aMissingTitleIsRefused() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft(null, List.of("a"), NO_LIMITS))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.TITLE_MISSING);
	}

	@Test
	void anEmptyTitleIsRefused() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("  ", List.of("a"), NO_LIMITS))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.TITLE_MISSING);
	}

	@Test
	void aTitleOfOneHundredFiftyOneCharactersIsRefusedWithItsLength() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("t".repeat(151), List.of("a"), NO_LIMITS))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.TITLE_TOO_LONG))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(151, 150));
	}

	@Test
	void aCutWithoutItemsIsRefused() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of(" ", ""), NO_LIMITS))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.NO_ITEMS);
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> new CutDraft("Release", null, NO_LIMITS))
			.extracting(InvalidCutException::reason)
			.isEqualTo(Reason.NO_ITEMS);
	}

	@Test
	void thirtyOneItemsAreRefusedWithHowManyToRemove() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", items(31, 10), NO_LIMITS))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.TOO_MANY_ITEMS))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(30, 31, 1));
	}

	@Test
	void anItemOfOneHundredFiftyOneCharactersIsRefusedNamingIt() {
		String item = "Let people sign up with their email address" + "x".repeat(108);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("short", item), NO_LIMITS))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.ITEM_TOO_LONG))
			.satisfies((refusal) -> assertThat(refusal.typed()).isEqualTo("Let people sign up with their email addr…"))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(151, 150));
	}

	@Test
	void theSameItemTwiceInAnyCaseIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("Share link", "signup", "SHARE LINK "), NO_LIMITS))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.ITEM_TWICE))
			.satisfies((refusal) -> assertThat(refusal.typed()).isEqualTo("SHARE LINK"));
	}

	@Test
	void aCapacityLargerThanTheItemCountIsRefused() {
		CutSettings capacityThree = new CutSettings("", DEADLINE, 3, 0, false);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("a", "b"), capacityThree))
			.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.CAPACITY_ABOVE_ITEMS))
			.satisfies((refusal) -> assertThat(refusal.values()).containsExactly(3, 2));
	}

	@Test
	void aCapacityEqualToTheItemCountIsAccepted() {
		CutSettings capacityTwo = new CutSettings("", DEADLINE, 2, 0, false);

		assertThat(new CutDraft("Release", List.of("a", "b"), capacityTwo).settings().capacity()).isEqualTo(2);
	}

	private static List<String> items(int count, int length) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> {
			String prefix = "item " + i + " ";
			return prefix + "x".repeat(length - prefix.length());
		}).toList();
	}

}
