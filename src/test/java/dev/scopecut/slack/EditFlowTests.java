package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * The facilitator's edits of an open cut through {@code POST /slack/events}: add, remove
 * and extend, each refreshing the message and kept in the exported history.
 */
class EditFlowTests extends EndToEndTest {

	private static String cutId(FakeSlack.Call message) {
		return voteValues(message).get(0).split("\\|")[0];
	}

	private String cutKey(String id) {
		return "scopecut:{" + FakeSlack.TEAM + "}:cut:" + id;
	}

	@Test
	void anAddedItemShowsInTheMessageAndTakesVotes() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		String id = cutId(message);

		HttpResponse<String> added = this.requests.command(CHANNEL, ANN, "add dark mode", slack.responseUrl("a"));

		assertThat(ackText(added)).isEqualTo("Added “dark mode” to `" + id + "`.");
		FakeSlack.Call update = slack.await("chat.update", (call) -> call.param("blocks").contains("dark mode"), WAIT);
		String shipDarkMode = update.voteValues().get(4);
		assertThat(shipDarkMode).isEqualTo(id + "|3|S");

		this.requests.click(CHANNEL, BOB, "vote-ship", shipDarkMode, slack.responseUrl("v"));

		assertThat(replyText(slack.await("response_url", (c) -> c.param("url").endsWith("/v"), WAIT)))
			.isEqualTo("You voted *Ship* on “dark mode”.");
		assertThat(this.redisTemplate.opsForHash().get(cutKey(id).replace(":cut:", ":votes:"), "3:" + BOB))
			.isEqualTo("S");
	}

	@Test
	void aRemovedItemTakesItsVotesWithItAndTheTallyStaysExact() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project; sso");
		String id = cutId(message);
		List<String> values = voteValues(message);
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(4), slack.responseUrl("v2"));
		this.requests.click(CHANNEL, ANN, "vote-defer", values.get(5), slack.responseUrl("v3"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("v4"));
		slack.await("response_url", (c) -> c.param("url").endsWith("v4"), WAIT);

		HttpResponse<String> removed = this.requests.command(CHANNEL, ANN, "remove " + id + ": SSO",
				slack.responseUrl("r"));

		assertThat(ackText(removed)).isEqualTo("Removed “sso” from `" + id + "`, with every vote on it.");
		String votesKey = cutKey(id).replace(":cut:", ":votes:");
		assertThat(this.redisTemplate.<String, String>opsForHash().entries(votesKey))
			.isEqualTo(Map.of("1:" + BOB, "S", "1:" + ANN, "S"));
		FakeSlack.Call update = slack.await("chat.update",
				(call) -> !call.param("blocks").contains("*sso*") && call.param("blocks").contains("Ship 2 · Defer 0"),
				WAIT);
		assertThat(blocks(update)).contains("email signup", "create project", "2 voted", "edited: removed sso")
			.doesNotContain("|3|");
	}

	@Test
	void anExtensionMovesTheDeadlineAndTheCloseJob() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup");
		String id = cutId(message);
		long deadline = Long.parseLong((String) this.redisTemplate.opsForHash().get(cutKey(id), "deadline"));

		HttpResponse<String> extended = this.requests.command(CHANNEL, ANN, "extend 2h", slack.responseUrl("x"));

		long later = deadline + Duration.ofHours(2).toMillis();
		Instant laterInstant = Instant.ofEpochMilli(later).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		assertThat(ackText(extended)).isEqualTo("Extended the deadline of `" + id + "` by 2h, to <!date^"
				+ laterInstant.getEpochSecond() + "^{date_short_pretty} at {time}|" + laterInstant + ">.");
		assertThat(this.redisTemplate.opsForHash().get(cutKey(id), "deadline")).isEqualTo(Long.toString(later));
		assertThat(this.redisTemplate.opsForZSet()
			.score("scopecut:{" + FakeSlack.TEAM + "}:jobs", "CLOSE|" + FakeSlack.TEAM + "|" + id))
			.isEqualTo((double) later);
	}

	@Test
	void onlyTheFacilitatorEditsAndARefusalChangesNothing() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		String id = cutId(message);
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash().hasKey(cutKey(id), "ts"));
		Map<Object, Object> before = this.redisTemplate.opsForHash().entries(cutKey(id));

		List<String> answers = List.of(
				ackText(this.requests.command(CHANNEL, BOB, "add dark mode", slack.responseUrl("b1"))),
				ackText(this.requests.command(CHANNEL, BOB, "remove email signup", slack.responseUrl("b2"))),
				ackText(this.requests.command(CHANNEL, BOB, "extend " + id + " 1d", slack.responseUrl("b3"))));
		String duplicate = ackText(this.requests.command(CHANNEL, ANN, "add Email Signup", slack.responseUrl("a1")));
		String tooLong = ackText(this.requests.command(CHANNEL, ANN, "extend 31d", slack.responseUrl("a2")));
		String missing = ackText(this.requests.command(CHANNEL, ANN, "remove sso", slack.responseUrl("a3")));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer).contains("Only <@" + ANN + ">", "can edit it"));
		assertThat(duplicate).contains("already listed");
		assertThat(tooLong).contains("at most 30 days");
		assertThat(missing).contains("No item of `" + id + "` reads “sso”");
		assertThat(this.redisTemplate.opsForHash().entries(cutKey(id))).isEqualTo(before);
		assertThat(this.redisTemplate.hasKey(cutKey(id).replace(":cut:", ":history:"))).isFalse();
	}

	@Test
	void theExportShowsTheEditHistory() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		String id = cutId(message);
		this.requests.command(CHANNEL, ANN, "add dark mode", slack.responseUrl("e1"));
		this.requests.command(CHANNEL, ANN, "remove create project", slack.responseUrl("e2"));
		this.requests.command(CHANNEL, ANN, "extend 30m", slack.responseUrl("e3"));

		String record = ackText(this.requests.command(CHANNEL, BOB, "export " + id, slack.responseUrl("x")));

		assertThat(record).containsPattern("## Edits\n\n- \\S+Z `" + ANN + "` added: dark mode\n- \\S+Z `" + ANN
				+ "` removed: create project\n- \\S+Z `" + ANN + "` extended the deadline: by 30m, to \\S+Z\n```$");
	}

	@Test
	void withTwoOpenCutsAnEditSaysHowToNameOne() {
		startCut("Sharing app 0.1: email signup");
		startCut("Billing 2.0: invoices");

		String answer = ackText(this.requests.command(CHANNEL, ANN, "add refunds", slack.responseUrl("n")));

		assertThat(answer).contains("2 open cuts", ": item text`");
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:history:*")).isEmpty();
	}

	@Test
	void helpListsTheEdits() {
		String help = ackText(this.requests.command(CHANNEL, BOB, "help", slack.responseUrl("h")));

		assertThat(help).contains("`/scopecut add [ID:] item text`", "`/scopecut remove [ID:] item text`",
				"`/scopecut extend [ID] 2h`");
	}

}
