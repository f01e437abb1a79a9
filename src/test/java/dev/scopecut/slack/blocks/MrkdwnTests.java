package dev.scopecut.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MrkdwnTests {

	@Test
	void escapesTheThreeReservedCharactersOnce() {
		assertThat(Mrkdwn.escape("R&D <@U123> <!channel> &amp;"))
			.isEqualTo("R&amp;D &lt;@U123&gt; &lt;!channel&gt; &amp;amp;");
	}

	@Test
	void textThatFitsIsOnlyEscaped() {
		assertThat(Mrkdwn.escape("a & b", 9)).isEqualTo("a &amp; b");
	}

	@Test
	void longTextIsShortenedWithoutSplittingAnEntity() {
		assertThat(Mrkdwn.escape("a & b", 8)).isEqualTo("a &amp;…");
		assertThat(Mrkdwn.escape("a & b", 7)).isEqualTo("a …");
		assertThat(Mrkdwn.escape("&&&", 10)).isEqualTo("&amp;…");
	}

	@Test
	void longTextIsShortenedWithoutSplittingACharacter() {
		String rocket = "\uD83D\uDE80";
		assertThat(Mrkdwn.escape("ab" + rocket + "cd", 4)).isEqualTo("ab…");
		assertThat(Mrkdwn.escape("ab" + rocket + "cd", 5)).isEqualTo("ab" + rocket + "…");
	}

	@Test
	void namesUpToTheMostThenCountsTheRest() {
		assertThat(Mrkdwn.users(List.of("U1", "U2"), 2)).isEqualTo("<@U1> <@U2>");
		assertThat(Mrkdwn.users(List.of("U1", "U2", "U3", "U4"), 2)).isEqualTo("<@U1> <@U2> +2 more");
	}

}
