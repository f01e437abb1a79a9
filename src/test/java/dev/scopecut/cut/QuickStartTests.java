package dev.scopecut.cut;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scopecut.cut.InvalidCutException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QuickStartTests {

	private static final CutSettings SETTINGS = CutSettings.quickStart(Instant.parse("2030-01-01T12:00:00Z"));

	@Test
	void titleRunsToTheFirstColonAndLaterColonsBelongToItems() {
		CutDraft draft = QuickStart.parse("Sharing app 0.1: signup: email only; share link", SETTINGS);

		assertThat(draft.title()).isEqualTo("Sharing app 0.1");
		assertThat(draft.items()).containsExactly("signup: email only", "share link");
		assertThat(draft.settings()).isSameAs(SETTINGS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("separatedLists")
	void itemsAreSplitOnSemicolonsOrNewLinesOrElseOnCommas(String description, String text, List<String> items) {
		CutDraft draft = QuickStart.parse(text, SETTINGS);

		assertThat(draft.title()).isEqualTo("Release");
		assertThat(draft.items()).containsExactlyElementsOf(items);
	}

	static Stream<Arguments> separatedLists() {
		return Stream.of(
				arguments("semicolons", "Release: email signup; create project; share link",
						List.of("email signup", "create project", "share link")),
				arguments("new lines", "Release:\nemail signup\ncreate project\nshare link",
						List.of("email signup", "create project", "share link")),
				arguments("Windows new lines", "Release:\r\nemail signup\r\ncreate project",
						List.of("email signup", "create project")),
				arguments("semicolons and new lines together", "Release: a; b\nc;\nd", List.of("a", "b", "c", "d")),
				arguments("commas when there is no semicolon or new line",
						"Release: email signup, create project, dark mode",
						List.of("email signup", "create project", "dark mode")),
				arguments("commas stay inside items separated by semicolons", "Release: sign up, log in; share link",
						List.of("sign up, log in", "share link")),
				arguments("commas stay inside items separated by new lines", "Release:\nsign up, log in\nshare link",
						List.of("sign up, log in", "share link")),
				arguments("blank items between semicolons are dropped", "Release: a;; ;b; ", List.of("a", "b")),
				arguments("blank lines are dropped", "Release:\n\na\n  \nb\n", List.of("a", "b")),
				arguments("blank items between commas are dropped", "Release: a,, ,b,", List.of("a", "b")),
				arguments("one item", "Release: a", List.of("a")));
	}

	@Test
	void surroundingSpaceIsTrimmedFromTitleAndItems() {
		CutDraft draft = QuickStart.parse("   Release   :   a   ;   b   ", SETTINGS);

		assertThat(draft.title()).isEqualTo("Release");
		assertThat(draft.items()).containsExactly("a", "b");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedTexts")
	void textThatCannotMakeACutIsRefusedWithTheRuleItBreaks(String description, String text, Reason reason) {
		assertThatExceptionOfType(InvalidCutException.class).isThrownBy(() -> QuickStart.parse(text, SETTINGS))
			.extracting(InvalidCutException::reason)
			.isEqualTo(reason);
	}

	static Stream<Arguments> refusedTexts() {
		return Stream.of(arguments("no colon", "Release email signup; share link", Reason.NO_COLON),
				arguments("nothing at all", "", Reason.NO_COLON), arguments("null", null, Reason.NO_COLON),
				arguments("empty title", ": email signup; share link", Reason.TITLE_MISSING),
				arguments("blank title", "   : email signup", Reason.TITLE_MISSING),
				arguments("no items", "Release:", Reason.NO_ITEMS),
				arguments("only blank items", "Release: ; ;\n ", Reason.NO_ITEMS),
				arguments("only commas", "Release: , ,", Reason.NO_ITEMS),
				arguments("31 items", "Release: " + numberedItems(31), Reason.TOO_MANY_ITEMS),
				arguments("a 151-character item", "Release: a; " + "x".repeat(151), Reason.ITEM_TOO_LONG),
				arguments("a 151-character title", "t".repeat(151) + ": a", Reason.TITLE_TOO_LONG),
				arguments("the same item twice in another case", "Release: Share link; share LINK", Reason.ITEM_TWICE));
	}

	private static String numberedItems(int count) {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			items.append("item ").append(i).append("; ");
		}
		return items.toString();
	}

}
