package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.Zones;

/**
 * Through the real endpoint: {@code /scopecut remind}, a vote cast from a reminder, and
 * the App Home tab, with every Events API delivery run once.
 */
class RemindersAndHomeFlowTests extends EndToEndTest {

	private static final String CAT = "U0000CAT";

	@Test
	void theFacilitatorRemindsByHandAndOnlyThoseWithItemsLeftGetAMessage() {
		awake(ANN, BOB, CAT);
		slack.channelMembers(CHANNEL, ANN, BOB, CAT);
		String cutId = cutId(startCut("Remind: signup; sharing"));
		membersKnown(cutId);
		vote(BOB, cutId, 1, "S", CHANNEL, "bob-1");
		vote(BOB, cutId, 2, "D", CHANNEL, "bob-2");

		HttpResponse<String> refused = this.requests.command(CHANNEL, BOB, "remind " + cutId, slack.responseUrl("r0"));
		HttpResponse<String> sent = this.requests.command(CHANNEL, ANN, "remind", slack.responseUrl("r1"));

		assertThat(ackText(refused)).contains("Only <@" + ANN + ">", "can send its reminders");
		assertThat(ackText(sent)).isEqualTo("Of the 2 people with items of `" + cutId + "` left to vote on: 2 reminded"
				+ " now by direct message, 0 held until 08:00 their time (quiet hours, 20:00 to 08:00), 0 not again"
				+ " (reminded of it in the last 30 minutes).");
		await().atMost(WAIT).until(() -> dmsTo(ANN).size() == 1 && dmsTo(CAT).size() == 1);
		// The same command again within the minute is the same slot: nobody
		// gets a second reminder.
		this.requests.command(CHANNEL, ANN, "remind " + cutId, slack.responseUrl("r2"));
		await().during(Duration.ofSeconds(2))
			.atMost(WAIT)
			.until(() -> dmsTo(ANN).size() == 1 && dmsTo(CAT).size() == 1);
		assertThat(dmsTo(BOB)).isEmpty();
	}

	@Test
	void aReminderByHandCountsWhoIsHeldUntilTheirMorning() {
		awake(ANN);
		slack.timeZone(BOB, Zones.whereHourIs(Instant.now(), 2));
		slack.channelMembers(CHANNEL, ANN, BOB);
		String cutId = cutId(startCut("Night: signup"));
		membersKnown(cutId);

		String answer = ackText(this.requests.command(CHANNEL, ANN, "remind " + cutId, slack.responseUrl("n")));

		assertThat(answer).startsWith("Of the 2 people with items of `" + cutId + "` left to vote on: 1 reminded now"
				+ " by direct message, 1 held until 08:00 their time");
		await().atMost(WAIT).until(() -> dmsTo(ANN).size() == 1);
		assertThat(dmsTo(BOB)).isEmpty();
	}

	@Test
	void aReminderByHandOnACutWhoseChannelWasNotCountedSaysWhoMayGoWithout() {
		slack.channelMembers(CHANNEL, ANN, BOB);
		slack.failOnce("conversations.members", "missing_scope");
		String cutId = cutId(startCut("Uncounted: signup"));
		slack.await("conversations.members", WAIT);

		String answer = ackText(this.requests.command(CHANNEL, ANN, "remind " + cutId, slack.responseUrl("u")));

		assertThat(answer).contains("Reminding everyone who has items of `" + cutId + "` left",
				"This channel's members are not counted", "Choose the voters");
	}

	@Test
	void aClosedCutRemindsNobody() {
		String cutId = cutId(startCut("Done: signup"));
		this.requests.command(CHANNEL, ANN, "close " + cutId + " force", slack.responseUrl("close"));

		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "remind " + cutId, slack.responseUrl("r"));

		assertThat(ackText(response)).isEqualTo("`" + cutId + "` is already closed; nobody was reminded.");
		assertThat(this.redisTemplate.opsForZSet().range("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1))
			.noneMatch((job) -> job.startsWith("REMIND"));
	}

	@Test
	void aVoteFromTheReminderCountsExactlyOnceAndTheReminderShowsWhatIsLeft() {
		FakeSlack.Call dm = startAndRemindCat("From DM: signup; sharing");
		String cutId = cutId(dm);
		String value = dm.voteValues().get(0);
		assertThat(value).isEqualTo(cutId + "|1|S");

		String click = clickIn(dm, value, "dm-vote");
		HttpResponse<String> once = this.requests.post(click);
		HttpResponse<String> again = this.requests.post(click);

		assertThat(once.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).isEqualTo(200);
		await().atMost(WAIT).until(() -> slack.calls("response_url").size() == 2);
		for (FakeSlack.Call reply : slack.calls("response_url")) {
			assertThat(reply.json().get("replace_original").getAsBoolean()).isTrue();
			assertThat(replyText(reply)).isEqualTo("Reminder: your vote is missing on 1 of 2 items of From DM");
			assertThat(reply.json().get("blocks").toString()).contains("You voted on 1 of 2 items so far")
				.contains(cutId + "|2|S")
				.doesNotContain(cutId + "|1|");
		}
		assertThat(this.redisTemplate.opsForHash().entries("scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId))
			.containsExactly(Map.entry("1:" + CAT, "S"));
		FakeSlack.Call update = slack.await("chat.update", (call) -> call.param("blocks").contains("Ship 1"), WAIT);
		assertThat(update.param("channel")).isEqualTo(CHANNEL);
		assertThat(blocks(update)).contains("1 of 1 voted", "Ship 1 · Defer 0 · voted: <@" + CAT + ">");
	}

	@Test
	void theLastVoteFromTheReminderLeavesAThankYouWithNoButtons() {
		FakeSlack.Call dm = startAndRemindCat("Thanks: signup; sharing");
		String cutId = cutId(dm);

		this.requests.post(clickIn(dm, cutId + "|1|S", "dm-first"));
		slack.await("response_url", (call) -> call.param("url").endsWith("dm-first"), WAIT);
		this.requests.post(clickIn(dm, cutId + "|2|D", "dm-last"));

		FakeSlack.Call last = slack.await("response_url", (call) -> call.param("url").endsWith("dm-last"), WAIT);
		assertThat(last.json().get("replace_original").getAsBoolean()).isTrue();
		assertThat(replyText(last)).isEqualTo("Thanks — you voted on every item of Thanks");
		assertThat(last.json().get("blocks").toString()).contains("*My votes* on the cut's message")
			.doesNotContain("button", cutId + "|");
		assertThat(this.redisTemplate.opsForHash().entries("scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId))
			.containsOnly(Map.entry("1:" + CAT, "S"), Map.entry("2:" + CAT, "D"));
	}

	@Test
	void aClickOnTheReminderOfAClosedCutShowsItClosedAndChangesNothing() {
		FakeSlack.Call dm = startAndRemindCat("Late: signup");
		String cutId = cutId(dm);
		this.requests.command(CHANNEL, ANN, "close " + cutId + " force", slack.responseUrl("close"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("closed"), WAIT);

		HttpResponse<String> response = this.requests.post(clickIn(dm, cutId + "|1|S", "dm-late"));

		assertThat(response.statusCode()).isEqualTo(200);
		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("dm-late"), WAIT);
		assertThat(reply.json().get("replace_original").getAsBoolean()).isTrue();
		assertThat(replyText(reply)).isEqualTo("Late is closed");
		assertThat(reply.json().get("blocks").toString())
			.contains("is closed: voting is over", "You voted on 0 of 1 item")
			.doesNotContain("button");
		assertThat(this.redisTemplate.hasKey("scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId)).isFalse();
	}

	@Test
	void aVoteOnTheCutsMessageStillGetsThePlainPrivateConfirmation() {
		FakeSlack.Call message = startCut("In channel: signup");
		String value = cutId(message) + "|1|S";

		this.requests.post(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, BOB, "vote-ship", value,
				slack.responseUrl("channel-vote"), message.blockIdOf(value)));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("channel-vote"), WAIT);
		assertThat(reply.json().get("replace_original").getAsBoolean()).isFalse();
		assertThat(reply.json().get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(replyText(reply)).isEqualTo("You voted *Ship* on “signup”.");
		assertThat(reply.json().has("blocks")).isFalse();
	}

	@Test
	void openingTheHomeTabPublishesWhatWaitsForMeWhatIRunAndRecentDecisions() {
		slack.channelMembers(CHANNEL, ANN, BOB);
		String waiting = cutId(startCut("Waiting: signup; sharing"));
		membersKnown(waiting);
		String decided = cutId(startCut("Decided: dark mode"));
		vote(BOB, decided, 1, "S", CHANNEL, "bob-decided");
		this.requests.command(CHANNEL, ANN, "close " + decided + " force", slack.responseUrl("close"));
		int before = slack.calls("chat.postMessage").size();
		this.requests.command("C0000WEB", BOB, "Bob runs: checkout", slack.responseUrl("bob-start"));
		slack.await("chat.postMessage", (call) -> slack.calls("chat.postMessage").indexOf(call) >= before
				&& call.param("channel").equals("C0000WEB"), WAIT);
		await().atMost(WAIT)
			.until(() -> this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:cut:*")
				.stream()
				.allMatch((key) -> this.redisTemplate.opsForHash().hasKey(key, "ts")));

		HttpResponse<String> response = this.requests.event(SignedRequests.homeOpened(FakeSlack.TEAM, BOB, "Ev0001"),
				Map.of());

		assertThat(response.statusCode()).isEqualTo(200);
		FakeSlack.Call publish = slack.await("views.publish", WAIT);
		assertThat(publish.param("user_id")).isEqualTo(BOB);
		JsonObject view = JsonParser.parseString(publish.param("view")).getAsJsonObject();
		assertThat(view.get("type").getAsString()).isEqualTo("home");
		List<String> texts = new java.util.ArrayList<>();
		view.getAsJsonArray("blocks").forEach((block) -> {
			JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
			texts.add((text != null) ? text.get("text").getAsString()
					: block.getAsJsonObject().get("type").getAsString());
		});
		assertThat(texts).hasSize(17);
		assertThat(texts.get(0)).isEqualTo("Waiting for your vote");
		assertThat(texts.get(1)).startsWith("*<https://test.slack.com/archives/" + CHANNEL + "/p")
			.contains("|Waiting>*", "2 of 2 items left to vote on");
		assertThat(texts.get(3)).isEqualTo("Your votes on open cuts");
		assertThat(texts.get(6)).isEqualTo("Cuts you run");
		assertThat(texts.get(7)).contains("|Bob runs>* in <#C0000WEB>");
		assertThat(texts.get(9)).isEqualTo("Recent decisions");
		assertThat(texts.get(10)).contains("*Decided* in <#" + CHANNEL + ">", "ID `" + decided + "`",
				"ship now    dark mode");
		assertThat(texts.get(12)).isEqualTo("Check-ins waiting for you");
		assertThat(texts.get(15)).isEqualTo("What releases taught");
	}

	@Test
	void aRetriedEventDeliveryRunsItsListenerOnce() {
		String event = SignedRequests.homeOpened(FakeSlack.TEAM, BOB, "Ev0002");

		HttpResponse<String> first = this.requests.event(event, Map.of());
		HttpResponse<String> retry = this.requests.event(event,
				Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
		HttpResponse<String> another = this.requests.event(SignedRequests.homeOpened(FakeSlack.TEAM, BOB, "Ev0003"),
				Map.of());

		assertThat(List.of(first.statusCode(), retry.statusCode(), another.statusCode())).containsOnly(200);
		await().atMost(WAIT).until(() -> slack.calls("views.publish").size() == 2);
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> slack.calls("views.publish").size() == 2);
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:event:*")).hasSize(2);
	}

	@Test
	void slackChecksTheEventUrlWithAChallengeThatIsAnswered() {
		HttpResponse<String> response = this.requests.event(
				"{\"token\":\"legacy-verification-token\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
				Map.of());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
	}

	@Test
	void theMessagesTabPublishesNothing() {
		String event = SignedRequests.homeOpened(FakeSlack.TEAM, BOB, "Ev0004")
			.replace("\"tab\":\"home\"", "\"tab\":\"messages\"");

		assertThat(this.requests.event(event, Map.of()).statusCode()).isEqualTo(200);

		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> slack.calls("views.publish").isEmpty());
	}

	/** Starts a cut in a channel of Cat alone, reminds Cat and returns the reminder. */
	private FakeSlack.Call startAndRemindCat(String text) {
		awake(CAT);
		slack.channelMembers(CHANNEL, CAT);
		String cutId = cutId(startCut(text));
		membersKnown(cutId);
		this.requests.command(CHANNEL, ANN, "remind " + cutId, slack.responseUrl("remind-" + cutId));
		return slack.await("chat.postMessage",
				(call) -> call.param("channel").equals("D" + CAT) && call.param("blocks").contains(cutId), WAIT);
	}

	/**
	 * Cat's click on the control carrying {@code value} in a reminder, as Slack sends it.
	 */
	private static String clickIn(FakeSlack.Call reminder, String value, String reply) {
		return SignedRequests.blockAction(FakeSlack.TEAM, "D" + CAT, CAT,
				value.endsWith("S") ? "vote-ship" : "vote-defer", value, slack.responseUrl(reply),
				reminder.blockIdOf(value));
	}

	private static void awake(String... users) {
		String zone = Zones.awakeAt(Instant.now());
		for (String user : users) {
			slack.timeZone(user, zone);
		}
	}

	private static List<FakeSlack.Call> dmsTo(String user) {
		return slack.calls("chat.postMessage")
			.stream()
			.filter((call) -> call.param("channel").equals("D" + user))
			.toList();
	}

	private static String cutId(FakeSlack.Call post) {
		return post.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1");
	}

	private void membersKnown(String cutId) {
		await().atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash()
				.hasKey("scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId, "members"));
	}

	private void vote(String user, String cutId, int item, String choice, String channel, String reply) {
		this.requests.click(channel, user, choice.equals("S") ? "vote-ship" : "vote-defer",
				cutId + "|" + item + "|" + choice, slack.responseUrl(reply));
		slack.await("response_url", (call) -> call.param("url").endsWith(reply), WAIT);
	}

}
