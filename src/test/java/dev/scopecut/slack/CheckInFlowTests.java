package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * A cut's check-in through {@code POST /slack/events}: a check-in day picked in the New
 * scope cut form, the cut closed, the facilitator asked by direct message (in a time zone
 * where it is daytime now, so that quiet hours hold nothing back), the answer recorded
 * and posted under the decision; anyone else, another workspace, a text too long, a day
 * passed and a cancelled cut get nothing written.
 */
class CheckInFlowTests extends EndToEndTest {

	/** A zone where it is between 10:00 and 18:00 now, whenever the test runs. */
	private ZoneId daytime;

	private String cutId;

	@BeforeEach
	void daytimeForAnn() {
		Instant now = Instant.now();
		for (int offset = -12; offset <= 14; offset++) {
			int hour = now.atOffset(java.time.ZoneOffset.ofHours(offset)).getHour();
			if (hour >= 10 && hour < 18) {
				// IANA's Etc zones count the other way: Etc/GMT-3 is UTC+3.
				this.daytime = ZoneId
					.of((offset == 0) ? "Etc/UTC" : "Etc/GMT" + ((offset > 0) ? "-" : "+") + Math.abs(offset));
				break;
			}
		}
		slack.timeZone(ANN, this.daytime.getId());
	}

	private String cutKey(String id) {
		return "scopecut:{" + FakeSlack.TEAM + "}:cut:" + id;
	}

	private LocalDate today() {
		return ZonedDateTime.now(this.daytime).toLocalDate();
	}

	private ViewSubmission newCut(String checkInDay) {
		return ViewSubmission.of("new-cut", CHANNEL, ANN)
			.text("title", "Sharing app 0.1")
			.text("question", "Will people share a link?")
			.text("items", "email signup\nshare link")
			.dateTime("deadline", Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.date("check-in", checkInDay)
			.number("capacity", null)
			.radio("who-votes", "everyone")
			.number("quorum", null);
	}

	/** Ann's cut with a check-in today, started from the form. */
	private void startWithCheckIn() {
		assertThat(this.requests.post(newCut(today().toString()).body()).body()).isEmpty();
		FakeSlack.Call posted = slack.await("chat.postMessage",
				(call) -> call.param("blocks") != null && call.param("blocks").contains("vote-ship"), WAIT);
		this.cutId = voteValues(posted).get(0).split("\\|")[0];
		await().atMost(WAIT).until(() -> this.redisTemplate.opsForHash().hasKey(cutKey(this.cutId), "ts"));
		assertThat(this.redisTemplate.opsForHash().get(cutKey(this.cutId), "checkIn")).isEqualTo(today().toString());
	}

	/** Closed by Ann: the decision is posted, and the check-in falls due at once. */
	private FakeSlack.Call closedAndAsked() {
		startWithCheckIn();
		this.requests.command(CHANNEL, ANN, "close " + this.cutId + " force", slack.responseUrl("close"));
		return slack.await("chat.postMessage", (call) -> FakeSlack.dmChannel(ANN).equals(call.param("channel"))
				&& call.param("blocks") != null && call.param("blocks").contains("check-in-learned"), WAIT);
	}

	private ViewSubmission answer(String user, String metadata, String text) {
		return ViewSubmission.of("check-in", metadata, user).text("check-in-text", text);
	}

	private Map<Object, Object> cutHash() {
		return this.redisTemplate.opsForHash().entries(cutKey(this.cutId));
	}

	private static JsonObject errors(HttpResponse<String> response) {
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		return answer.getAsJsonObject("errors");
	}

	@Test
	void theFacilitatorIsAskedOnTheDayAndTheirAnswerGoesUnderTheDecisionAndIntoTheExport() {
		FakeSlack.Call asked = closedAndAsked();
		assertThat(blocks(asked)).contains("Will people share a link?", "We learned it",
				"Not yet: ask again in a week");
		FakeSlack.Call decision = slack.await("chat.postMessage", (call) -> CHANNEL.equals(call.param("channel"))
				&& call.param("text") != null && call.param("text").startsWith("Scope cut:"), WAIT);

		HttpResponse<String> click = this.requests.click(FakeSlack.dmChannel(ANN), ANN, "check-in-learned", this.cutId,
				slack.responseUrl("learned"));
		assertThat(click.statusCode()).isEqualTo(200);
		JsonObject view = JsonParser.parseString(slack.await("views.open", WAIT).param("view")).getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("check-in");
		HttpResponse<String> submitted = this.requests
			.post(answer(ANN, view.get("private_metadata").getAsString(), "Two teams in three shared a link.").body());

		assertThat(submitted.body()).isEmpty();
		FakeSlack.Call reply = slack.await("chat.postMessage",
				(call) -> call.param("thread_ts") != null && call.param("blocks").contains("What the release taught"),
				WAIT);
		assertThat(reply.param("channel")).isEqualTo(CHANNEL);
		assertThat(reply.param("thread_ts")).isNotBlank().isNotEqualTo(cutHash().get("ts"));
		assertThat(blocks(reply)).contains("Two teams in three shared a link.", "We learned it");
		assertThat(decision.param("channel")).isEqualTo(CHANNEL);
		assertThat(cutHash()).containsEntry("checkInAnswer", "LEARNED")
			.containsEntry("checkInText", "Two teams in three shared a link.")
			.containsEntry("decisionTs", reply.param("thread_ts"));
		FakeSlack.Call redrawn = slack.await("chat.update",
				(call) -> FakeSlack.dmChannel(ANN).equals(call.param("channel")), WAIT);
		assertThat(blocks(redrawn)).doesNotContain("check-in-learned").contains("Thank you");
		String record = ackText(this.requests.command(CHANNEL, ANN, "export " + this.cutId, slack.responseUrl("x")));
		assertThat(record).contains("- Check-in: we learned it (answered ", "## What the release taught",
				"Two teams in three shared a link.");
		assertThat(this.redisTemplate.opsForZSet().range("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1))
			.noneMatch((job) -> job.startsWith("CHECK_IN"));
	}

	@Test
	void notYetAsksAgainAWeekLaterAndSaysSoPrivately() {
		closedAndAsked();

		this.requests.click(FakeSlack.dmChannel(ANN), ANN, "check-in-not-yet", this.cutId, slack.responseUrl("later"));

		FakeSlack.Call said = slack.await("response_url", (call) -> call.param("url").endsWith("/later"), WAIT);
		LocalDate next = today().plusDays(7);
		assertThat(cutHash()).containsEntry("checkInOn", next.toString())
			.containsEntry("checkInPostponed", "1")
			.doesNotContainKey("checkInAnswer");
		assertThat(replyText(said)).contains("asks you again on");
		assertThat(this.redisTemplate.opsForZSet()
			.score("scopecut:{" + FakeSlack.TEAM + "}:jobs", "CHECK_IN|" + FakeSlack.TEAM + "|" + this.cutId))
			.isEqualTo((double) dev.scopecut.cut.CheckIn.earliestAsk(next).toEpochMilli());
	}

	@Test
	void anyoneElseIsRefusedPrivatelyAndNothingIsWritten() {
		closedAndAsked();
		Map<Object, Object> before = cutHash();

		this.requests.click(CHANNEL, BOB, "check-in-learned", this.cutId, slack.responseUrl("bob"));
		this.requests.click(CHANNEL, BOB, "check-in-not-yet", this.cutId, slack.responseUrl("bob-later"));
		HttpResponse<String> submitted = this.requests.post(answer(BOB, "LEARNED:" + this.cutId, "mine").body());

		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/bob"), WAIT)))
			.contains("Only the person who ran " + this.cutId, "nothing was recorded");
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/bob-later"), WAIT)))
			.contains("Only the person who ran");
		assertThat(errors(submitted).get("check-in-text").getAsString()).contains("Only the person who ran");
		assertThat(slack.calls("views.open")).isEmpty();
		assertThat(cutHash()).isEqualTo(before);
	}

	@Test
	void anAnswerForACutOfAnotherWorkspaceIsRefusedAndWritesNothing() {
		String evil = "scopecut:{T9999EVIL}:cut:K7M2Q";
		Map<String, String> theirs = Map.of("status", "CLOSED", "facilitator", ANN, "checkIn", "2026-01-01");
		this.redisTemplate.opsForHash().putAll(evil, theirs);

		HttpResponse<String> submitted = this.requests
			.post(ViewSubmission.of("T9999EVIL", "check-in", "LEARNED:K7M2Q", ANN)
				.text("check-in-text", "forged")
				.body());
		HttpResponse<String> clicked = this.requests.post(SignedRequests.blockAction("T9999EVIL", CHANNEL, ANN,
				"check-in-not-yet", "K7M2Q", slack.responseUrl("evil")));

		assertThat(errors(submitted).get("check-in-text").getAsString()).contains("no longer kept");
		assertThat(clicked.statusCode()).isEqualTo(400);
		assertThat(this.redisTemplate.<String, String>opsForHash().entries(evil)).isEqualTo(theirs);
		assertThat(this.redisTemplate.keys("scopecut:{" + FakeSlack.TEAM + "}:cut:*")).isEmpty();
	}

	@Test
	void aTextOverTheLimitIsRefusedOnItsFieldAndNothingIsWritten() {
		closedAndAsked();

		HttpResponse<String> submitted = this.requests
			.post(answer(ANN, "LEARNED:" + this.cutId, "x".repeat(2001)).body());

		assertThat(errors(submitted).get("check-in-text").getAsString()).contains("2001", "2000");
		assertThat(cutHash()).doesNotContainKey("checkInAnswer");
	}

	@Test
	void aDayPassedIsRefusedOnItsFieldAndNoCutStarts() {
		HttpResponse<String> submitted = this.requests.post(newCut(today().minusDays(2).toString()).body());

		assertThat(errors(submitted).keySet()).containsExactly("check-in");
		assertThat(errors(submitted).get("check-in").getAsString()).contains("That day has passed");
		assertThat(storedKeys()).noneMatch((key) -> key.contains(":cut:"));
	}

	@Test
	void aCancelledCutGetsNoCheckIn() {
		startWithCheckIn();

		this.requests.command(CHANNEL, ANN, "cancel " + this.cutId, slack.responseUrl("cancel"));

		await().atMost(WAIT).until(() -> "CANCELLED".equals(cutHash().get("status")));
		assertThat(this.redisTemplate.opsForZSet().range("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1))
			.noneMatch((job) -> job.startsWith("CHECK_IN"));
		assertThat(slack.calls("conversations.open")).isEmpty();
	}

}
