package dev.scopecut.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.scopecut.support.Worded;

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
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).isEqualTo(
					"The quorum (3) is more than the 2 chosen voters could ever reach; lower it or leave it empty."))
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
			.containsExactly(InvalidCutException.Reason.TITLE_TOO_LONG, InvalidCutException.Reason.ITEM_TWICE,
					InvalidCutException.Reason.QUORUM_ABOVE_VOTERS);
		assertThat(refused.refusals().get(1).typed()).isEqualTo("Signup");
		// read as one refusal, it is the first
		assertThat(refused.reason()).isEqualTo(InvalidCutException.Reason.TITLE_TOO_LONG);
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
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("Give the cut a title")
				.contains("/scopecut"));
	}

	@Test
	void anEmptyTitleIsRefused() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("  ", List.of("a"), NO_LIMITS))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("Give the cut a title"));
	}

	@Test
	void aTitleOfOneHundredFiftyOneCharactersIsRefusedWithItsLength() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("t".repeat(151), List.of("a"), NO_LIMITS))
			.satisfies((refusal) -> assertThat(Worded.text(refusal))
				.isEqualTo("The title is 151 characters; shorten it to 150 or fewer."));
	}

	@Test
	void aCutWithoutItemsIsRefused() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of(" ", ""), NO_LIMITS))
			.satisfies((refusal) -> assertThat(Worded.text(refusal))
				.isEqualTo("List at least one item after the title, separated by `;` or new lines."));
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> new CutDraft("Release", null, NO_LIMITS))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("List at least one item"));
	}

	@Test
	void thirtyOneItemsAreRefusedWithHowManyToRemove() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", items(31, 10), NO_LIMITS))
			.satisfies((refusal) -> assertThat(Worded.text(refusal))
				.isEqualTo("A cut takes at most 30 items and this one has 31: remove 1 and try again."));
	}

	@Test
	void anItemOfOneHundredFiftyOneCharactersIsRefusedNamingIt() {
		String item = "Let people sign up with their email address" + "x".repeat(108);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("short", item), NO_LIMITS))
			.satisfies(
					(refusal) -> assertThat(Worded.text(refusal)).contains("Let people sign up with their email addr")
						.contains("is 151 characters; shorten it to 150 or fewer."));
	}

	@Test
	void theSameItemTwiceInAnyCaseIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("Share link", "signup", "SHARE LINK "), NO_LIMITS))
			.satisfies((refusal) -> assertThat(Worded.text(refusal)).contains("SHARE LINK")
				.contains("is listed twice; list each item once."));
	}

	@Test
	void aCapacityLargerThanTheItemCountIsRefused() {
		CutSettings capacityThree = new CutSettings("", DEADLINE, 3, 0, false);

		assertThatExceptionOfType(InvalidCutException.class)
			.isThrownBy(() -> new CutDraft("Release", List.of("a", "b"), capacityThree))
			.satisfies((refusal) -> assertThat(Worded.text(refusal))
				.isEqualTo("The capacity (3) is more than the 2 items listed; lower it or leave it empty."));
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
