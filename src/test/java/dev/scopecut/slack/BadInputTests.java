package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scopecut.sandbox.BlockKitRules;
import dev.scopecut.support.blockkit.BlockKitLimits;
import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * What people may type wrong: each mistake gets a private answer saying what to change,
 * and nothing is created.
 */
class BadInputTests extends EndToEndTest {

	static String items(int count, int length) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((i) -> (i + "-" + "x".repeat(length)).substring(0, length))
			.collect(Collectors.joining("; "));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			31 items              | Big: %s                    | at most 30 items and this one has 31
			a 151-character item  | Big: ok; %s                | shorten it to 150
			a 151-character title | %s: a; b                   | title is 151 characters
			no title              | : a; b                     | Give the cut a title
			no items              | Title:                     | at least one item
			an item listed twice  | Title: signup; Signup      | listed twice
			""")
	void isRefusedPrivatelyAndNothingIsCreated(String what, String template, String says) {
		String text = switch (what) {
			case "31 items" -> template.formatted(items(31, 10));
			case "a 151-character item" -> template.formatted("y".repeat(151));
			case "a 151-character title" -> template.formatted("T".repeat(151));
			default -> template;
		};

		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, text, slack.responseUrl("bad"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ackText(response)).contains(says);
		assertThat(storedKeys()).isEmpty();
		assertThat(slack.calls()).isEmpty();
	}

	@Test
	void unknownTextGetsTheHelpPrivately() {
		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "frobnicate", slack.responseUrl("h"));

		assertThat(ackText(response)).contains("I did not understand `frobnicate`", "/scopecut list");
		assertThat(response.body()).doesNotContain("in_channel");
		assertThat(storedKeys()).isEmpty();
	}

	@Test
	void closingWithNoOpenCutOrAnUnknownIdSaysSo() {
		HttpResponse<String> none = this.requests.command(CHANNEL, ANN, "close", slack.responseUrl("c"));
		HttpResponse<String> unknown = this.requests.command(CHANNEL, ANN, "cancel ZZZZZ", slack.responseUrl("c"));

		assertThat(ackText(none)).contains("no open cut");
		assertThat(ackText(unknown)).contains("There is no cut `ZZZZZ`");
	}

	@Test
	void theLargestAllowedCutIsPostedWithinBlockKitLimitsAndTakesVotes() {
		String title = "T".repeat(150);
		FakeSlack.Call message = startCut(title + ": " + items(30, 150));

		BlockKitLimits.assertWithinLimits(message.param("blocks"), BlockKitRules.Surface.MESSAGE);
		String last = voteValues(message).get(59);
		this.requests.click(CHANNEL, BOB, "vote-menu", last, slack.responseUrl("v"));
		FakeSlack.Call update = slack.await("chat.update", WAIT);
		BlockKitLimits.assertWithinLimits(update.param("blocks"), BlockKitRules.Surface.MESSAGE);
		assertThat(blocks(update)).contains("Ship 0 · Defer 1 · voted: <@" + BOB + ">");
	}

	@Test
	void aPostRefusedBySlackCancelsTheCutAndTellsTheFacilitator() {
		slack.failOnce("chat.postMessage", "not_in_channel");

		this.requests.command(CHANNEL, ANN, "Private: a; b", slack.responseUrl("refused"));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("refused"), WAIT);
		assertThat(replyText(reply)).isEqualTo("I could not post the cut “Private” because I am not a member of this"
				+ " channel. The cut was cancelled, so nothing of it is kept; invite me with `/invite @Scopecut`,"
				+ " then start it again.");
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(this.redisTemplate.keys("scopecut:*:open:*")).isEmpty());
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void slacksErrorForARefusedPostGoesToTheLogAndThePersonReadsAPlainSentence(CapturedOutput output) {
		slack.failOnce("chat.postMessage", "restricted_action");

		this.requests.command(CHANNEL, ANN, "Locked <b>: a; b", slack.responseUrl("restricted"));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("restricted"), WAIT);
		assertThat(replyText(reply))
			.isEqualTo("Slack did not let me post the cut “Locked &lt;b&gt;” in this channel. The cut was cancelled,"
					+ " so nothing of it is kept; start it again, and if this happens again, ask a workspace admin"
					+ " to check that Scopecut is installed and may post here.")
			.doesNotContain("restricted_action");
		assertThat(output.getAll()).contains("not posted and cancelled: Slack refused its message (restricted_action)");
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(this.redisTemplate.keys("scopecut:*:open:*")).isEmpty());
	}

}
