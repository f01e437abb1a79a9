package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scopecut.app.CutStore;
import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.FakeSlack;
import dev.scopecut.support.SignedRequests;
import dev.scopecut.support.ViewSubmission;

/**
 * Requests Slack would never send: refused with a 4xx, never a 5xx, with nothing changed
 * in Redis or sent to Slack, and the app still serving afterwards.
 */
class HostileRequestTests extends EndToEndTest {

	String cutId;

	Map<Object, Object> cutBefore;

	@BeforeEach
	void openCut() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		this.cutId = voteValues(message).get(0).split("\\|")[0];
		org.awaitility.Awaitility.await().atMost(WAIT).until(() -> cutHash().containsKey("ts"));
		this.cutBefore = cutHash();
		slack.reset();
	}

	Map<Object, Object> cutHash() {
		return this.redisTemplate.opsForHash().entries("scopecut:{" + FakeSlack.TEAM + "}:cut:" + this.cutId);
	}

	String vote() {
		return SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, BOB, "vote-ship", this.cutId + "|1|S",
				slack.responseUrl("h2"));
	}

	String now() {
		return Long.toString(System.currentTimeMillis() / 1000);
	}

	void assertNothingChanged() {
		assertThat(cutHash()).isEqualTo(this.cutBefore);
		Set<String> votes = this.redisTemplate.keys("scopecut:*:votes:*");
		assertThat(votes).isEmpty();
		assertThat(slack.calls()).isEmpty();
	}

	@Test
	void unsignedForgedStaleAndReplayedRequestsGet401() {
		String body = vote();
		String now = now();
		String stale = Long.toString(System.currentTimeMillis() / 1000 - 301);
		String future = Long.toString(System.currentTimeMillis() / 1000 + 310);
		List<HttpResponse<String>> responses = List.of(
				this.requests.send(body, null, null, "application/x-www-form-urlencoded"),
				this.requests.send(body, now, null, "application/x-www-form-urlencoded"),
				this.requests.send(body, null, SignedRequests.sign(SignedRequests.SECRET, now, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, now, SignedRequests.sign("not-the-secret", now, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, now, "v0=" + "0".repeat(64), "application/x-www-form-urlencoded"),
				this.requests.send(body, stale, SignedRequests.sign(SignedRequests.SECRET, stale, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, future, SignedRequests.sign(SignedRequests.SECRET, future, body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body, "not-a-number", SignedRequests.sign(SignedRequests.SECRET, "x", body),
						"application/x-www-form-urlencoded"),
				this.requests.send(body + "&tampered=1", now, SignedRequests.sign(SignedRequests.SECRET, now, body),
						"application/x-www-form-urlencoded"));

		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(401));
		assertNothingChanged();
	}

	@Test
	void malformedSignedPayloadsGet4xxWithNoStackTrace() {
		List<String> bodies = List.of("", "payload=", "payload=%7Bnot-json", "payload=%5B%5D",
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\"}"),
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + FakeSlack.TEAM
						+ "\"},\"actions\":[{\"action_id\":\"vote-ship\",\"value\":\"" + this.cutId + "|1|S\"}]}"),
				"payload=" + SignedRequests.encode("{\"type\":\"no_such_type\"}"), "command=%2Fscopecut",
				"just some text", "payload=" + SignedRequests.encode("{\"type\":\"view_submission\"}"));

		for (String body : bodies) {
			HttpResponse<String> response = this.requests.post(body);
			assertThat(response.statusCode()).as(body).isBetween(400, 499);
			assertThat(response.body()).as(body).doesNotContain("Exception", "at com.", "at dev.");
		}
		assertNothingChanged();
	}

	@Test
	void forgedButtonValuesAndUnknownActionsChangeNothing() {
		List<String> values = List.of("", "|", "ZZZZZ|1|S", this.cutId + "|99|S", this.cutId + "|1|X",
				this.cutId + "|0|S", this.cutId + "|1|S|extra", "x".repeat(3000), this.cutId + "|-1|D");
		for (String value : values) {
			HttpResponse<String> response = this.requests.click(CHANNEL, BOB, "vote-ship", value,
					slack.responseUrl("h"));
			assertThat(response.statusCode()).as(value).isLessThan(500);
		}
		HttpResponse<String> unknown = this.requests.click(CHANNEL, BOB, "no-such-action", "x", slack.responseUrl("h"));
		assertThat(unknown.statusCode()).isBetween(400, 499);

		assertThat(cutHash()).isEqualTo(this.cutBefore);
		assertThat(this.redisTemplate.keys("scopecut:*:votes:*")).isEmpty();
		assertThat(slack.calls("chat.update")).isEmpty();
	}

	@Test
	void aVoteForACutOfAnotherWorkspaceCannotReachIt() {
		String forged = SignedRequests.blockAction("T9999EVIL", CHANNEL, BOB, "vote-ship", this.cutId + "|1|S",
				slack.responseUrl("h"));
		this.redisTemplate.opsForHash()
			.putAll("scopecut:{T9999EVIL}:cut:" + this.cutId, Map.of("status", "OPEN", "item:1", "x"));

		this.requests.post(forged);

		// The workspace comes from the bot's own auth.test, never from the payload.
		assertThat(this.redisTemplate.keys("scopecut:{T9999EVIL}:votes:*")).isEmpty();
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:votes:*")).hasSize(1);
	}

	@Test
	void oversizedBodiesAndWrongContentTypesAreRefused() {
		String huge = "payload=" + "x".repeat(600 * 1024);
		HttpResponse<String> tooBig = this.requests.post(huge);
		HttpResponse<String> json = this.requests.send("{\"type\":\"block_actions\"}", now(),
				SignedRequests.sign(SignedRequests.SECRET, now(), "{\"type\":\"block_actions\"}"), "application/json");

		assertThat(tooBig.statusCode()).isEqualTo(413);
		assertThat(json.statusCode()).isBetween(400, 499);
		assertNothingChanged();
	}

	@Test
	void fortyHostileRequestsInARowGetNo5xxChangeNothingAndTheAppStillServes() {
		String body = vote();
		String now = now();
		String form = "application/x-www-form-urlencoded";
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (String[] headers : new String[][] { { null, null }, { now, null },
				{ null, SignedRequests.sign(SignedRequests.SECRET, now, body) },
				{ now, SignedRequests.sign("not-the-secret", now, body) }, { now, "v0=" + "0".repeat(64) },
				{ now, "v1=" + SignedRequests.sign(SignedRequests.SECRET, now, body).substring(3) },
				{ "1", SignedRequests.sign(SignedRequests.SECRET, "1", body) }, { "", "" }, { now, "" },
				{ "-1", SignedRequests.sign(SignedRequests.SECRET, "-1", body) },
				{ "99999999999", SignedRequests.sign(SignedRequests.SECRET, "99999999999", body) } }) {
			responses.add(this.requests.send(body, headers[0], headers[1], form));
		}
		for (String malformed : List.of("", "payload=", "payload=%7Bnot-json", "payload=%5B%5D", "payload=%ZZ",
				"payload=" + SignedRequests.encode("{\"type\":\"block_actions\"}"),
				"payload=" + SignedRequests.encode("{\"type\":\"no_such_type\"}"), "command=%2Fscopecut",
				"just some text", "payload=" + SignedRequests.encode("{\"type\":\"view_submission\"}"))) {
			responses.add(this.requests.post(malformed));
		}
		for (String value : List.of("", "|", "ZZZZZ|1|S", this.cutId + "|99|S", this.cutId + "|1|X",
				this.cutId + "|0|S", this.cutId + "|1|S|extra", "x".repeat(3000), this.cutId + "|-1|D")) {
			responses.add(this.requests.click(CHANNEL, BOB, "vote-ship", value, slack.responseUrl("h")));
		}
		responses.add(this.requests.click(CHANNEL, BOB, "no-such-action", "x", slack.responseUrl("h")));
		responses.add(this.requests.click(CHANNEL, BOB, "close", this.cutId, slack.responseUrl("h")));
		responses.add(this.requests.command(CHANNEL, BOB, "close " + this.cutId, slack.responseUrl("h")));
		responses.add(this.requests.command(CHANNEL, BOB, "cancel " + this.cutId, slack.responseUrl("h")));
		responses.add(this.requests.post("payload=" + "x".repeat(600 * 1024)));
		responses.add(this.requests.send("{\"type\":\"block_actions\"}", now,
				SignedRequests.sign(SignedRequests.SECRET, now, "{\"type\":\"block_actions\"}"), "application/json"));
		responses.add(this.requests.send(body, now, SignedRequests.sign(SignedRequests.SECRET, now, body), null));
		String list = SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, BOB, "list", slack.responseUrl("h"));
		String listSignature = SignedRequests.sign(SignedRequests.SECRET, now, list);
		for (int replay = 0; replay < 3; replay++) {
			responses.add(this.requests.send(list, now, listSignature, form));
		}

		assertThat(responses).hasSizeGreaterThanOrEqualTo(40)
			.allSatisfy((response) -> assertThat(response.statusCode()).isLessThan(500));
		assertThat(cutHash()).isEqualTo(this.cutBefore);
		assertThat(this.redisTemplate.keys("scopecut:*:votes:*")).isEmpty();
		await().during(Duration.ofMillis(500)).until(() -> slack.calls("chat.update").isEmpty());

		HttpResponse<String> vote = this.requests.post(vote());

		assertThat(vote.statusCode()).isEqualTo(200);
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/h2"), WAIT)))
			.startsWith("You voted *Ship*");
	}

	// Replays within the signature window, and ids Slack never sends (issue 15, point
	// 11).

	Set<String> cutKeys() {
		return this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:cut:*");
	}

	@Test
	void aSignedQuickStartReplayedThreeTimesWithinTheWindowMakesOneCut() {
		String body = SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, BOB, "Replayed: a; b",
				slack.responseUrl("r"));
		String now = now();
		String signature = SignedRequests.sign(SignedRequests.SECRET, now, body);
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int copy = 0; copy < 4; copy++) {
			responses.add(this.requests.send(body, now, signature, "application/x-www-form-urlencoded"));
		}

		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		slack.await("chat.postMessage", WAIT);
		await().during(Duration.ofMillis(500)).until(() -> slack.calls("chat.postMessage").size() == 1);
		assertThat(cutKeys()).hasSize(2);
	}

	@Test
	void aSignedNewCutFormSubmissionReplayedWithinTheWindowMakesOneCut() {
		String body = ViewSubmission.of("new-cut", CHANNEL, BOB)
			.text("title", "Replayed form")
			.text("items", "a\nb")
			.dateTime("deadline", Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.body();
		String now = now();
		String signature = SignedRequests.sign(SignedRequests.SECRET, now, body);

		HttpResponse<String> first = this.requests.send(body, now, signature, "application/x-www-form-urlencoded");
		HttpResponse<String> replayed = this.requests.send(body, now, signature, "application/x-www-form-urlencoded");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).isEmpty();
		slack.await("chat.postMessage", WAIT);
		await().during(Duration.ofMillis(500)).until(() -> slack.calls("chat.postMessage").size() == 1);
		assertThat(cutKeys()).hasSize(2);
	}

	HttpResponse<String> voteAs(String user) {
		return this.requests.post(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, user, "vote-ship",
				this.cutId + "|1|S", slack.responseUrl("h")));
	}

	@Test
	void aSignedVoteClickWithAnEmptyUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("").statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickWithANulUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("\u0000").statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickWithA5000CharacterUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("U" + "A".repeat(4999)).statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickWithANumericUserIdIsRefusedAndRecordsNothing() {
		assertThat(voteAs("12345").statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedVoteClickFromAChannelIdSlackNeverSendsIsRefusedAndRecordsNothing() {
		HttpResponse<String> response = this.requests.post(SignedRequests.blockAction(FakeSlack.TEAM, "c0000plan<>",
				BOB, "vote-ship", this.cutId + "|1|S", slack.responseUrl("h")));

		assertThat(response.statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aSignedCommandWithAUserIdSlackNeverSendsIsRefusedAndStartsNothing() {
		HttpResponse<String> response = this.requests.command(CHANNEL, "", "Nobody's: a; b", slack.responseUrl("h"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(cutKeys()).hasSize(1);
		assertThat(slack.calls()).isEmpty();
	}

	// A private channel's cut, named from elsewhere (issue 15, point 5): only its channel
	// and the people it belongs to read it; anyone else hears what an unknown id gets.

	static final String ELSEWHERE = "C0000ELSE";

	static final String EVE = "U0000EVE";

	/**
	 * The answer to the command, ID standing for the cut's id, naming an id no cut has.
	 */
	String unknownIdAnswer(String command) {
		return ackText(this.requests.command(ELSEWHERE, EVE, command.replace("ID", "ZZZZZ"), slack.responseUrl("u")))
			.replace("ZZZZZ", this.cutId);
	}

	@Test
	void anExportOfAPrivateChannelsCutFromAnotherChannelBySomeoneNotInItIsAnsweredAsAnUnknownId() {
		HttpResponse<String> response = this.requests.command(ELSEWHERE, EVE, "export " + this.cutId,
				slack.responseUrl("x"));

		assertThat(ackText(response)).isEqualTo(unknownIdAnswer("export ID")).doesNotContain("Sharing app");
		assertNothingChanged();
	}

	@ParameterizedTest(name = "/scopecut {0} from another channel by someone not in it is answered as an unknown id")
	@ValueSource(strings = { "close ID", "cancel ID", "remind ID", "edit ID", "add ID: sneaky",
			"remove ID: email signup", "extend ID 2h" })
	void everyCommandNamingAPrivateChannelsCutFromElsewhereIsAnsweredAsAnUnknownIdAndChangesNothing(String command) {
		HttpResponse<String> response = this.requests.command(ELSEWHERE, EVE, command.replace("ID", this.cutId),
				slack.responseUrl("x"));

		assertThat(ackText(response)).isEqualTo(unknownIdAnswer(command));
		assertNothingChanged();
	}

	@Test
	void myVotesOnAPrivateChannelsCutClickedFromElsewhereBySomeoneNotInItIsRefusedAsAnUnknownCut() {
		HttpResponse<String> response = this.requests.click(ELSEWHERE, EVE, "my-votes", this.cutId,
				slack.responseUrl("x"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertNothingChanged();
	}

	@Test
	void aMemberCountedWhenTheCutStartedStillExportsItFromADirectMessage() {
		slack.channelMembers(CHANNEL, ANN, BOB);
		String counted = voteValues(startCut("Counted: a; b")).get(0).split("\\|")[0];
		await().atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash()
				.hasKey("scopecut:{" + FakeSlack.TEAM + "}:cut:" + counted, "members"));

		HttpResponse<String> bob = this.requests.command("D0000BOB", BOB, "export " + counted, slack.responseUrl("x"));
		HttpResponse<String> eve = this.requests.command("D0000EVE", EVE, "export " + counted, slack.responseUrl("x"));

		assertThat(ackText(bob)).contains("Counted");
		assertThat(ackText(eve)).isEqualTo("There is no cut `" + counted + "` in this workspace.");
	}

	// Brakes on one person (issue 15, point 6): open cuts per channel and per
	// facilitator,
	// and reminders by hand per cut.

	@Test
	void aQuickStartInAChannelThatHasTheMostOpenCutsIsRefusedPrivatelyNamingTheLimit() {
		for (int i = 1; i < CutStore.MAX_OPEN_IN_CHANNEL; i++) {
			assertThat(this.requests.command(CHANNEL, BOB, "Cut " + i + ": a; b", slack.responseUrl("s")).body())
				.as("cut %d", i)
				.isEmpty();
		}
		Set<String> before = cutKeys();

		HttpResponse<String> refused = this.requests.command(CHANNEL, EVE, "One too many: a; b",
				slack.responseUrl("s"));

		assertThat(ackText(refused)).contains("already has 10 open cuts", "close or cancel one");
		assertThat(cutKeys()).isEqualTo(before).hasSize(CutStore.MAX_OPEN_IN_CHANNEL);
		// Every accepted cut posted before the next test starts, or its post would land
		// there.
		await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() == CutStore.MAX_OPEN_IN_CHANNEL - 1);
	}

	@Test
	void aQuickStartBySomeoneWhoRunsTheMostOpenCutsIsRefusedPrivatelyNamingTheLimit() {
		for (int i = 1; i < CutStore.MAX_OPEN_BY_FACILITATOR; i++) {
			assertThat(this.requests.command("C0000X" + i, ANN, "Cut " + i + ": a; b", slack.responseUrl("s")).body())
				.as("cut %d", i)
				.isEmpty();
		}
		Set<String> before = cutKeys();

		HttpResponse<String> refused = this.requests.command("C0000NEW", ANN, "One too many: a; b",
				slack.responseUrl("s"));

		assertThat(ackText(refused)).contains("You already have 10 open cuts", "close or cancel one");
		assertThat(cutKeys()).isEqualTo(before).hasSize(CutStore.MAX_OPEN_BY_FACILITATOR);
		assertThat(this.requests.command("C0000NEW", BOB, "Bob's: a; b", slack.responseUrl("s")).body()).isEmpty();
		await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() == CutStore.MAX_OPEN_BY_FACILITATOR);
	}

	@Test
	void aSecondReminderByHandOfOneCutWithinHalfAnHourSendsNothingAndSaysWhenTheNextMayGo() {
		String first = ackText(this.requests.command(CHANNEL, ANN, "remind " + this.cutId, slack.responseUrl("r")));
		String second = ackText(this.requests.command(CHANNEL, ANN, "remind " + this.cutId, slack.responseUrl("r")));

		assertThat(first).startsWith("Reminding everyone");
		assertThat(second).startsWith("Nobody was reminded")
			.contains("one every 30 minutes", "The next can go from <!date^");
	}

	// A deadline after 2038-01-19 (issue 15, point 10): the SDK keeps a picked date-time
	// in
	// an int.

	@Test
	void aNewCutFormWithADeadlineAfter2038IsRefusedOnItsDeadlineFieldNotWithABare400() {
		HttpResponse<String> response = this.requests.post(ViewSubmission.of("new-cut", CHANNEL, BOB)
			.text("title", "Far future")
			.text("items", "a\nb")
			.dateTime("deadline", Instant.parse("2040-06-01T12:00:00Z").getEpochSecond())
			.body());

		assertThat(response.statusCode()).isEqualTo(200);
		com.google.gson.JsonObject answer = com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		assertThat(answer.getAsJsonObject("errors").get("deadline").getAsString()).contains("days away");
		assertThat(cutKeys()).hasSize(1);
	}

}
