package dev.scopecut.cut;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ListedItemsTests {

	@Test
	void bulletsAndNumberedLinesAreItemsWithoutTheirMarks() {
		ListedItems listed = ListedItems
			.parse("- email signup\n* create project\n• share link\n1. single sign-on\n2) dark mode\n– offline");

		assertThat(listed.title()).isEmpty();
		assertThat(listed.items()).containsExactly("email signup", "create project", "share link", "single sign-on",
				"dark mode", "offline");
	}

	@Test
	void aLeadInLineIsTheTitleAndProseAroundAMarkedListIsLeftOut() {
		ListedItems listed = ListedItems
			.parse("Backlog for Sharing app 0.3:\n\n- email signup\n- share link\n\nThoughts welcome!");

		assertThat(listed.title()).isEqualTo("Backlog for Sharing app 0.3");
		assertThat(listed.items()).containsExactly("email signup", "share link");
	}

	@Test
	void withNoMarksEveryLineIsAnItemAndAColonLineIsTheTitle() {
		assertThat(ListedItems.parse("email signup\n\n   \ncreate project\n").items()).containsExactly("email signup",
				"create project");
		ListedItems titled = ListedItems.parse("Sharing app 0.2:\nemail signup\ncreate project");
		assertThat(titled.title()).isEqualTo("Sharing app 0.2");
		assertThat(titled.items()).containsExactly("email signup", "create project");
	}

	@Test
	void blankInvisibleAndRepeatedLinesAreDroppedAndEmojiKept() {
		ListedItems listed = ListedItems
			.parse("- :rocket: launch\n- \u200B\u200B\n-    \n- Launch page\n- :ROCKET: LAUNCH\n-");

		assertThat(listed.items()).containsExactly(":rocket: launch", "Launch page");
	}

	@Test
	void numbersThatAreNotListMarksStayInTheItem() {
		assertThat(ListedItems.parse("2.0 migration\n10x faster search").items()).containsExactly("2.0 migration",
				"10x faster search");
	}

	@Test
	void itemsOverTheLengthLimitAreKeptAndNamed() {
		String longItem = "x".repeat(Item.MAX_LENGTH + 1);

		ListedItems listed = ListedItems.parse("- short\n- " + longItem);

		assertThat(listed.items()).containsExactly("short", longItem);
		assertThat(listed.tooLong()).containsExactly(longItem);
	}

	@Test
	void aListLongerThanACutTakesIsKeptWholeForTheFormToSayWhatIsLeftOut() {
		String forty = IntStream.rangeClosed(1, 40)
			.mapToObj((i) -> i + ". item " + i)
			.collect(Collectors.joining("\n"));

		assertThat(ListedItems.parse(forty).items()).hasSize(40).startsWith("item 1").endsWith("item 40");
	}

	@Test
	void nothingToListIsNoItems() {
		assertThat(ListedItems.parse("").items()).isEmpty();
		assertThat(ListedItems.parse(null).items()).isEmpty();
		assertThat(ListedItems.parse("\n \n\u200B").items()).isEmpty();
	}

}
