package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * A cut from {@code /scopecut} to a recorded decision, through the real HTTP endpoint.
 */
class CutFlowTests extends EndToEndTest {

	@Test
	void quickStartPostsTheCutWithShipAndDeferButtonsForEachItem() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project; share link");

		assertThat(message.param("channel")).isEqualTo(CHANNEL);
		assertThat(message.authorization()).isEqualTo("Bearer xoxb-test-token");
		assertThat(message.param("blocks")).contains("email signup", "create project", "share link", "Close cut");
		List<String> values = voteValues(message);
		assertThat(values).hasSize(6);
		assertThat(values.get(0)).endsWith("|1|S");
		assertThat(values.get(1)).endsWith("|1|D");
		Set<String> keys = this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:cut:*");
		assertThat(keys).hasSize(1);
		String cutKey = keys.iterator().next();
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("OPEN");
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat((String) this.redisTemplate.opsForHash().get(cutKey, "ts"))
				.isEqualTo("1700000000.000101"));
	}

	@Test
	void aVoteIsConfirmedPrivatelyAndShownInTheMessage() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		String shipSignup = voteValues(message).get(0);

		HttpResponse<String> response = this.requests.click(CHANNEL, BOB, "vote-ship", shipSignup,
				slack.responseUrl("bob-1"));

		assertThat(response.statusCode()).isEqualTo(200);
		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("bob-1"), WAIT);
		assertThat(replyText(reply)).isEqualTo("You voted *Ship* on “email signup”.");
		assertThat(reply.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		FakeSlack.Call update = slack.await("chat.update", WAIT);
		assertThat(blocks(update)).contains("Ship 1 · Defer 0 · voted: <@" + BOB + ">");
		assertThat(update.param("text")).contains("Sharing app 0.1");
	}

	@Test
	void aCutOpenToTheChannelCountsItsHumanMembersWhenItStarts() {
		slack.channelMembers(CHANNEL, ANN, BOB, "U0000CAT", "U0000ROBOT", "USLACKBOT");
		slack.bots("U0000ROBOT");

		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");

		assertThat(blocks(message)).contains("0 voted, 0 done · started by");
		slack.await("chat.update", (call) -> blocks(call).contains("0 of 3 voted, 0 done · started by"), WAIT);
		assertThat(slack.calls("conversations.members")).singleElement()
			.satisfies((call) -> assertThat(call.param("limit")).isEqualTo("200"));
		assertThat(slack.calls("users.info")).extracting((call) -> call.param("user"))
			.containsExactly(ANN, BOB, "U0000CAT", "U0000ROBOT");
		this.requests.click(CHANNEL, BOB, "vote-ship", voteValues(message).get(0), slack.responseUrl("bob-1"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("1 of 3 voted"), WAIT);
	}

	@Test
	void whenSlackRefusesTheChannelsMembersTheCutCountsWhoVotedOnly() {
		slack.channelMembers(CHANNEL, ANN, BOB, "U0000CAT");
		slack.failOnce("conversations.members", "missing_scope");

		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");

		assertThat(blocks(message)).contains("0 voted, 0 done · started by").doesNotContain(" of 3");
		assertThat(slack.calls("users.info")).isEmpty();
		this.requests.click(CHANNEL, BOB, "vote-ship", voteValues(message).get(0), slack.responseUrl("bob-1"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("1 voted, 0 done · started by"), WAIT);
	}

	@Test
	void changingAVoteMovesItAndRepeatingItChangesNothing() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		List<String> values = voteValues(message);

		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("r1"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("r2"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("r3"));

		assertThat(replyText(slack.await("response_url", (c) -> c.param("url").endsWith("r2"), WAIT)))
			.isEqualTo("You changed your vote on “email signup” to *Defer*.");
		assertThat(replyText(slack.await("response_url", (c) -> c.param("url").endsWith("r3"), WAIT)))
			.isEqualTo("Your vote on “email signup” stays *Defer*.");
		String votesKey = this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:votes:*").iterator().next();
		assertThat(this.redisTemplate.opsForHash().entries(votesKey))
			.containsExactly(java.util.Map.entry("1:" + BOB, "D"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("Ship 0 · Defer 1"), WAIT);
	}

	@Test
	void closingPostsTheDecisionAndTakesTheButtonsAway() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project; dark mode; sso");
		List<String> values = voteValues(message);
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("v2"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(2), slack.responseUrl("v3"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(5), slack.responseUrl("v4"));

		HttpResponse<String> closed = this.requests.command(CHANNEL, ANN, "close force", slack.responseUrl("close"));

		assertThat(closed.statusCode()).isEqualTo(200);
		assertThat(ackText(closed)).startsWith("Closed `");
		FakeSlack.Call decision = slack.await("chat.postMessage",
				(call) -> call.param("text") != null && call.param("text").contains("ship now"), WAIT);
		assertThat(decision.param("text")).isEqualTo("""
				Scope cut: Sharing app 0.1 — 2 voted
				ship now    email signup, create project
				defer       dark mode, sso (no votes)
				Rule: an item ships when its Ship votes outnumber its Defer votes; a tie or no vote defers it.""");
		FakeSlack.Call finalUpdate = slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed*"),
				WAIT);
		assertThat(blocks(finalUpdate)).doesNotContain("vote-ship", "\"close\"").contains("email signup (2–0)");
	}

	@Test
	void closeByCommandAsksAsTheButtonDoesUntilEveryoneHasVotedOnEverything() {
		slack.channelMembers(CHANNEL, ANN, BOB);
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; sso");
		List<String> values = voteValues(message);
		String cutId = values.get(0).split("\\|")[0];
		String cutKey = "scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId;
		await().atMost(WAIT).until(() -> this.redisTemplate.opsForHash().hasKey(cutKey, "members"));
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));

		JsonObject asked = JsonParser
			.parseString(this.requests.command(CHANNEL, ANN, "close", slack.responseUrl("q")).body())
			.getAsJsonObject();

		assertThat(asked.get("text").getAsString()).isEqualTo("Close " + cutId + " now? 1 of 2 voted, 0 done");
		assertThat(asked.get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(asked.get("blocks").toString()).contains("\"action_id\":\"close\"", "Close this cut?",
				"/scopecut close " + cutId + " force");
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("OPEN");
		// everyone done: no question
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(3), slack.responseUrl("v2"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("v3"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(2), slack.responseUrl("v4"));
		assertThat(ackText(this.requests.command(CHANNEL, ANN, "close " + cutId, slack.responseUrl("c"))))
			.startsWith("Closed `" + cutId + "`");
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("CLOSED");
	}

	@Test
	void closeForceClosesWithoutAsking() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup");
		String cutId = voteValues(message).get(0).split("\\|")[0];

		assertThat(ackText(this.requests.command(CHANNEL, ANN, "close " + cutId + " force", slack.responseUrl("f"))))
			.startsWith("Closed `" + cutId + "`");
	}

	@Test
	void onlyTheFacilitatorCanCloseWhateverThePayloadSays() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup");
		String cutId = voteValues(message).get(0).split("\\|")[0];

		HttpResponse<String> byCommand = this.requests.command(CHANNEL, BOB, "close " + cutId, slack.responseUrl("c1"));
		this.requests.click(CHANNEL, BOB, "close", cutId, slack.responseUrl("c2"));

		assertThat(ackText(byCommand)).contains("Only <@" + ANN + ">");
		assertThat(replyText(slack.await("response_url", (c) -> c.param("url").endsWith("c2"), WAIT)))
			.contains("Only <@" + ANN + ">");
		String cutKey = "scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId;
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("OPEN");
		assertThat(slack.calls("chat.postMessage")).hasSize(1);
	}

	@Test
	void cancelEndsTheCutWithNoDecision() {
		startCut("Sharing app 0.1: email signup");

		HttpResponse<String> cancelled = this.requests.command(CHANNEL, ANN, "cancel", slack.responseUrl("x"));

		assertThat(ackText(cancelled)).startsWith("Cancelled `");
		slack.await("chat.update", (call) -> call.param("blocks").contains("*Cancelled*"), WAIT);
		assertThat(slack.calls("chat.postMessage")).hasSize(1);
	}

	@Test
	void listShowsTheChannelsOpenCuts() {
		startCut("Sharing app 0.1: email signup");
		startCut("Billing 2.0: invoices; refunds");

		HttpResponse<String> list = this.requests.command(CHANNEL, BOB, "list", slack.responseUrl("l"));
		HttpResponse<String> ambiguousClose = this.requests.command(CHANNEL, ANN, "close", slack.responseUrl("c"));

		assertThat(ackText(list)).contains("Sharing app 0.1", "Billing 2.0");
		assertThat(ackText(ambiguousClose)).contains("2 open cuts", "name one");
	}

}
