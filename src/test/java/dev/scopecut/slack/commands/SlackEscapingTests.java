package dev.scopecut.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackEscapingTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = " => ", textBlock = """
			R&amp;D: a &amp; b; c => R&D: a & b; c
			a &lt;b&gt; c => a <b> c
			typed &amp;amp; literally => typed &amp; literally
			&amp;lt;!here&amp;gt; => &lt;!here&gt;
			ask <@U0000BOB|bob> and <@U0000ANN> => ask @bob and @U0000ANN
			in <#C0000PLAN|release-planning> => in #release-planning
			<!here> <!channel> <!everyone> => @here @channel @everyone
			<!subteam^S0001|@design> please => @design please
			see <https://example.com/a?b=1&amp;c=2> => see https://example.com/a?b=1&c=2
			see <https://example.com|example.com> => see example.com
			mail <mailto:ann@example.com|ann@example.com> => mail ann@example.com
			&quot;kept&quot; &#38; too => &quot;kept&quot; &#38; too
			""")
	void slacksEscapingIsUndoneOnceIntoWhatThePersonTyped(String sent, String typed) {
		assertThat(SlackEscaping.decode(sent)).isEqualTo(typed);
	}

	@Test
	void aCommandIsReadAsTyped() {
		CommandText add = CommandText.parse("add Q&amp;A");
		CommandText start = CommandText.parse("R&amp;D: a &amp; b; c");

		assertThat(add.verb()).isEqualTo(CommandText.Verb.ADD);
		assertThat(add.argument()).isEqualTo("Q&A");
		assertThat(start.verb()).isEqualTo(CommandText.Verb.START);
		assertThat(start.text()).isEqualTo("R&D: a & b; c");
		assertThat(SlackEscaping.decode(null)).isEmpty();
	}

}
