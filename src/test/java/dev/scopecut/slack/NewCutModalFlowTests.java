package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * {@code /scopecut} with no text, the <em>New scope cut</em> modal, and the cut it
 * starts, through the real HTTP endpoint.
 */
class NewCutModalFlowTests extends EndToEndTest {

	private static final String CUT_KEYS = "scopecut:{" + FakeSlack.TEAM + "}:cut:*";

	@Test
	void slashCommandWithNoTextOpensTheModalWithItsTrigger() {
		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "", slack.responseUrl("modal"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		FakeSlack.Call open = slack.await("views.open", WAIT);
		assertThat(open.param("trigger_id")).matches("1337\\.[0-9]+\\.abcdef");
		assertThat(open.authorization()).isEqualTo("Bearer xoxb-test-token");
		JsonObject view = JsonParser.parseString(open.param("view")).getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("new-cut");
		assertThat(view.get("private_metadata").getAsString()).isEqualTo(CHANNEL);
		assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("New scope cut");
		assertThat(view.getAsJsonArray("blocks")).hasSize(11);
		assertThat(storedKeys()).isEmpty();
	}

	@Test
	void whenSlackRefusesTheModalTheUserIsToldPrivately() {
		slack.failOnce("views.open", "expired_trigger_id");

		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "", slack.responseUrl("modal"));

		assertThat(ackText(response)).contains("could not be opened (expired_trigger_id)", "/scopecut Title:");
	}

	@Test
	void aValidSubmissionClosesTheModalAndStartsTheCutWithItsSettings() {
		Instant deadline = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

		HttpResponse<String> response = submit(valid(deadline));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		FakeSlack.Call message = slack.await("chat.postMessage", WAIT);
		assertThat(message.param("channel")).isEqualTo(CHANNEL);
		assertThat(blocks(message)).contains("Sharing app 0.1", "Will people share a link?", "email signup",
				"create project", "share link",
				"0 of 2 voted, 0 done · at most 2 ship · quorum 2 · started by <@" + ANN + ">");
		assertThat(voteValues(message)).hasSize(6);
		Set<String> keys = this.redisTemplate.keys(CUT_KEYS);
		assertThat(keys).hasSize(1);
		Map<Object, Object> cut = this.redisTemplate.opsForHash().entries(keys.iterator().next());
		assertThat(cut).containsEntry("title", "Sharing app 0.1")
			.containsEntry("question", "Will people share a link?")
			.containsEntry("channel", CHANNEL)
			.containsEntry("facilitator", ANN)
			.containsEntry("deadline", Long.toString(deadline.toEpochMilli()))
			.containsEntry("capacity", "2")
			.containsEntry("quorum", "2")
			.containsEntry("anonymous", "1")
			.containsEntry("voters", ANN + "," + BOB)
			.containsEntry("closeWhenAllVoted", "1")
			.containsEntry("reminders", "LAST_HOUR")
			.containsEntry("status", "OPEN")
			.containsEntry("item:1", "email signup")
			.containsEntry("item:3", "share link");
	}

	@Test
	void everyoneInTheChannelIsTheDefaultAndNeedsNoOptionalField() {
		Instant deadline = Instant.now().plus(Duration.ofHours(2));
		ViewSubmission submission = ViewSubmission.of("new-cut", CHANNEL, ANN)
			.text("title", "Billing 2.0")
			.text("question", null)
			.text("items", "invoices\n\n  refunds  \n")
			.dateTime("deadline", deadline.getEpochSecond())
			.number("capacity", null)
			.radio("who-votes", "everyone")
			.users("voters", List.of(BOB))
			.number("quorum", null)
			.checkboxes("options", List.of("close-early"));

		assertThat(submit(submission).body()).isEmpty();

		FakeSlack.Call message = slack.await("chat.postMessage", WAIT);
		assertThat(blocks(message)).contains("0 voted, 0 done · started by").doesNotContain("0 of ");
		Map<Object, Object> cut = this.redisTemplate.opsForHash()
			.entries(this.redisTemplate.keys(CUT_KEYS).iterator().next());
		assertThat(cut).containsEntry("voters", "")
			.containsEntry("closeWhenAllVoted", "1")
			.containsEntry("capacity", "0")
			.containsEntry("quorum", "0")
			.containsEntry("anonymous", "0")
			.containsEntry("question", "")
			.containsEntry("item:2", "refunds");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a blank title                  | title    | Give the cut a title.
			a 151-character title          | title    | title is 151 characters
			no items                       | items    | List at least one item, one a line.
			31 items                       | items    | at most 30 items and this one has 31
			an item listed twice           | items    | listed twice
			a capacity of 0                | capacity | The capacity is a whole number, 1 or more
			a capacity above the items     | capacity | The capacity (4) is more than the 3 items
			a quorum that is not a number  | quorum   | The quorum is a whole number, 1 or more
			a quorum above the voters      | quorum   | The quorum (3) is more than the 2 chosen voters
			a deadline in the past         | deadline | The deadline has already passed
			no deadline                    | deadline | Pick when voting closes
			chosen people but nobody       | voters   | Pick at least one person
			reminders Slack never offered  | reminders | Pick when reminders go out
			""")
	void anInvalidFieldIsShownOnItsBlockAndNothingIsCreated(String what, String block, String says) {
		Instant deadline = Instant.now().plus(Duration.ofHours(2));
		UnaryOperator<ViewSubmission> breakIt = switch (what) {
			case "a blank title" -> (s) -> s.text("title", "   ");
			case "a 151-character title" -> (s) -> s.text("title", "T".repeat(151));
			case "no items" -> (s) -> s.text("items", " \n \n");
			case "31 items" -> (s) -> s.text("items",
					IntStream.rangeClosed(1, 31).mapToObj((i) -> "item " + i).collect(Collectors.joining("\n")));
			case "an item listed twice" -> (s) -> s.text("items", "signup\nSignup");
			case "a capacity of 0" -> (s) -> s.number("capacity", "0");
			case "reminders Slack never offered" -> (s) -> s.radio("reminders", "hourly");
			case "a capacity above the items" -> (s) -> s.number("capacity", "4");
			case "a quorum that is not a number" -> (s) -> s.number("quorum", "two");
			case "a quorum above the voters" -> (s) -> s.number("quorum", "3");
			case "a deadline in the past" ->
				(s) -> s.dateTime("deadline", Instant.now().minusSeconds(60).getEpochSecond());
			case "no deadline" -> (s) -> s.remove("deadline");
			case "chosen people but nobody" -> (s) -> s.users("voters", List.of());
			default -> throw new IllegalArgumentException(what);
		};

		HttpResponse<String> response = submit(breakIt.apply(valid(deadline)));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		assertThat(answer.getAsJsonObject("errors").keySet()).containsExactly(block);
		assertThat(answer.getAsJsonObject("errors").get(block).getAsString()).contains(says);
		assertThat(storedKeys()).isEmpty();
		assertThat(slack.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void everyBrokenFieldIsShownInOneAnswer() {
		ViewSubmission broken = valid(Instant.now().plus(Duration.ofHours(2))).text("title", " ")
			.text("items", "signup\nSignup")
			.number("capacity", "4")
			.number("quorum", "two")
			.remove("deadline");

		JsonObject answer = JsonParser.parseString(submit(broken).body()).getAsJsonObject();

		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		JsonObject errors = answer.getAsJsonObject("errors");
		assertThat(errors.keySet()).containsExactlyInAnyOrder("title", "items", "capacity", "quorum", "deadline");
		assertThat(errors.get("title").getAsString()).isEqualTo("Give the cut a title.");
		assertThat(errors.get("items").getAsString()).isEqualTo("“Signup” is listed twice; list each item once.");
		assertThat(errors.get("capacity").getAsString()).contains("The capacity (4) is more than the 2 items");
		assertThat(errors.get("quorum").getAsString()).contains("The quorum is a whole number");
		assertThat(errors.get("deadline").getAsString()).isEqualTo("Pick when voting closes.");
		assertThat(storedKeys()).isEmpty();
	}

	@Test
	void aSubmissionWithoutItsChannelOrUserIsABadRequestAndCreatesNothing() {
		Instant deadline = Instant.now().plus(Duration.ofHours(2));
		ViewSubmission noChannel = ViewSubmission.of("new-cut", null, ANN);
		ViewSubmission noUser = valid(deadline);
		noUser.json().remove("user");

		assertThat(submit(noChannel).statusCode()).isEqualTo(400);
		assertThat(submit(noUser).statusCode()).isBetween(400, 499);
		assertThat(storedKeys()).isEmpty();
		assertThat(slack.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void whenSlackRefusesThePostTheFacilitatorIsToldPrivatelyAndTheCutIsCancelled() {
		slack.failOnce("chat.postMessage", "not_in_channel");

		assertThat(submit(valid(Instant.now().plus(Duration.ofHours(2)))).body()).isEmpty();

		FakeSlack.Call told = slack.await("chat.postEphemeral", WAIT);
		assertThat(told.param("channel")).isEqualTo(CHANNEL);
		assertThat(told.param("user")).isEqualTo(ANN);
		assertThat(told.param("text")).contains("/invite @Scopecut", "The cut was cancelled")
			.doesNotContain("not_in_channel");
		String cutKey = this.redisTemplate.keys(CUT_KEYS).iterator().next();
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("CANCELLED"));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void whenSlackCannotTakeThePostJustNowTheFacilitatorReadsWhatToDoAndTheLogWhy(CapturedOutput output) {
		slack.failOnceWithStatus("chat.postMessage", 500);

		submit(valid(Instant.now().plus(Duration.ofHours(2))));

		FakeSlack.Call told = slack.await("chat.postEphemeral", WAIT);
		assertThat(told.param("text"))
			.isEqualTo("Slack could not take the cut “Sharing app 0.1” just now (busy or out of reach), so it was not"
					+ " posted. The cut was cancelled, so nothing of it is kept; start it again in a minute.");
		assertThat(output.getAll()).contains("not posted and cancelled: Slack answered 500");
		String cutKey = this.redisTemplate.keys(CUT_KEYS).iterator().next();
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("CANCELLED");
	}

	@Test
	void whenTheBotCannotPostInTheChannelAtAllTheFacilitatorHearsByDirectMessage() {
		slack.failOnce("chat.postMessage", "channel_not_found");
		slack.failOnce("chat.postEphemeral", "channel_not_found");

		submit(valid(Instant.now().plus(Duration.ofHours(2))));

		FakeSlack.Call told = slack.await("chat.postMessage", (call) -> ANN.equals(call.param("channel")), WAIT);
		assertThat(told.param("text")).contains("/invite @Scopecut");
	}

	@Test
	void aVoteFromSomeoneNotChosenIsRefusedAndStoredNowhere() {
		submit(valid(Instant.now().plus(Duration.ofHours(2))));
		FakeSlack.Call message = slack.await("chat.postMessage", WAIT);

		this.requests.click(CHANNEL, "U0000EVE", "vote-ship", voteValues(message).get(0), slack.responseUrl("eve"));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("eve"), WAIT);
		assertThat(replyText(reply)).isEqualTo("Only the chosen voters can vote in this cut.");
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:votes:*")).isEmpty();
		assertThat(this.redisTemplate.opsForHash().get(this.redisTemplate.keys(CUT_KEYS).iterator().next(), "version"))
			.isEqualTo("0");
	}

	@Test
	void theCutClosesOnceWhenEveryChosenVoterHasVotedOnEveryItem() throws Exception {
		submit(valid(Instant.now().plus(Duration.ofHours(2))).text("items", "email signup\ncreate project"));
		FakeSlack.Call message = slack.await("chat.postMessage", WAIT);
		List<String> values = voteValues(message);
		String cutKey = this.redisTemplate.keys(CUT_KEYS).iterator().next();

		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("a1"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(2), slack.responseUrl("a2"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("b1"));
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("OPEN");
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(2), slack.responseUrl("b2"));
		// Slack's retry of the last vote, and a late click: neither closes it again
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(2), slack.responseUrl("b3"));
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("b4"));

		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("CLOSED");
		FakeSlack.Call decision = slack.await("chat.postMessage",
				(call) -> call.param("text") != null && call.param("text").contains("ship now"), WAIT);
		assertThat(decision.param("text")).startsWith("Scope cut: Sharing app 0.1 — 2 of 2 voted\n");
		slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed*"), WAIT);
		Thread.sleep(1500);
		assertThat(slack.calls("chat.postMessage")).hasSize(2);
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("b4"), WAIT)))
			.contains("closed");
	}

	@Test
	void aCutOpenToTheChannelClosesOnceWhenEveryMemberHasVotedOnEveryItem() throws Exception {
		slack.channelMembers(CHANNEL, ANN, BOB, "U0000CAT", "U0000ROBOT");
		slack.bots("U0000ROBOT");
		submit(valid(Instant.now().plus(Duration.ofHours(2))).text("items", "email signup\ncreate project")
			.radio("who-votes", "everyone")
			.number("quorum", null));
		FakeSlack.Call message = slack.await("chat.postMessage", WAIT);
		slack.await("chat.update", (call) -> blocks(call).contains("0 of 3 voted"), WAIT);
		List<String> values = voteValues(message);
		String cutKey = this.redisTemplate.keys(CUT_KEYS).iterator().next();
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "members")).isEqualTo(ANN + "," + BOB + ",U0000CAT");

		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(0), slack.responseUrl("a1"));
		this.requests.click(CHANNEL, ANN, "vote-ship", values.get(2), slack.responseUrl("a2"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("b1"));
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(2), slack.responseUrl("b2"));
		// someone who joined since votes on everything: counted in the tally,
		// not as a member
		this.requests.click(CHANNEL, "U0000EVE", "vote-ship", values.get(0), slack.responseUrl("e1"));
		this.requests.click(CHANNEL, "U0000EVE", "vote-ship", values.get(2), slack.responseUrl("e2"));
		this.requests.click(CHANNEL, "U0000CAT", "vote-ship", values.get(0), slack.responseUrl("c1"));
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("OPEN");
		this.requests.click(CHANNEL, "U0000CAT", "vote-defer", values.get(3), slack.responseUrl("c2"));
		this.requests.click(CHANNEL, "U0000CAT", "vote-defer", values.get(3), slack.responseUrl("c3"));

		assertThat(this.redisTemplate.opsForHash().get(cutKey, "status")).isEqualTo("CLOSED");
		FakeSlack.Call decision = slack.await("chat.postMessage",
				(call) -> call.param("text") != null && call.param("text").contains("ship now"), WAIT);
		assertThat(decision.param("text")).startsWith("Scope cut: Sharing app 0.1 — 3 of 3 voted\n");
		slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed* · 3 of 3 voted"), WAIT);
		Thread.sleep(1500);
		assertThat(slack.calls("chat.postMessage")).hasSize(2);
	}

	/** Ann's cut of three items, for Ann and Bob only, every setting given. */
	private static ViewSubmission valid(Instant deadline) {
		return ViewSubmission.of("new-cut", CHANNEL, ANN)
			.text("title", "Sharing app 0.1")
			.text("question", "Will people share a link?")
			.text("items", "email signup\ncreate project\nshare link")
			.dateTime("deadline", deadline.getEpochSecond())
			.radio("reminders", "last-hour")
			.number("capacity", "2")
			.radio("who-votes", "chosen")
			.users("voters", List.of(ANN, BOB))
			.number("quorum", "2")
			.checkboxes("options", List.of("anonymous", "close-early"));
	}

	private HttpResponse<String> submit(ViewSubmission submission) {
		return this.requests.post(submission.body());
	}

}
