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
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * The next cut of a closed one, through {@code POST /slack/events}: the Start next cut
 * button and {@code /scopecut next} open the New scope cut form prefilled for the
 * facilitator only, and the submitted cut links to its parent.
 */
class NextCutFlowTests extends EndToEndTest {

	private String parentId;

	private String cutKey(String id) {
		return "scopecut:{" + FakeSlack.TEAM + "}:cut:" + id;
	}

	/**
	 * Ann's cut of three items, closed after Bob shipped the first and deferred the
	 * second: the second and the third (no votes) are deferred.
	 */
	private void closedCut() {
		List<String> values = voteValues(startCut("Sharing app 0.1: email signup; single sign-on; dark mode"));
		this.parentId = values.get(0).split("\\|")[0];
		await().atMost(WAIT).until(() -> this.redisTemplate.opsForHash().hasKey(cutKey(this.parentId), "ts"));
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(3), slack.responseUrl("v2"));
		this.requests.command(CHANNEL, ANN, "close " + this.parentId + " force", slack.responseUrl("close"));
		await().atMost(WAIT)
			.until(() -> "CLOSED".equals(this.redisTemplate.opsForHash().get(cutKey(this.parentId), "status")));
	}

	private static JsonObject openedView() {
		return JsonParser.parseString(slack.await("views.open", WAIT).param("view")).getAsJsonObject();
	}

	private ViewSubmission submission(String user, String items) {
		return ViewSubmission.of("new-cut", CHANNEL + ":" + this.parentId, user)
			.text("title", "Sharing app 0.2")
			.text("question", null)
			.text("items", items)
			.dateTime("deadline", Instant.now().plus(Duration.ofHours(2)).getEpochSecond())
			.number("capacity", null)
			.radio("who-votes", "everyone")
			.number("quorum", null);
	}

	@Test
	void theFacilitatorsStartNextCutButtonOpensTheFormWithTheDeferredItems() {
		closedCut();
		FakeSlack.Call closedMessage = slack.await("chat.update",
				(call) -> call.param("blocks") != null && call.param("blocks").contains("next-cut"), WAIT);
		assertThat(blocks(closedMessage)).contains("Start next cut");

		HttpResponse<String> response = this.requests.click(CHANNEL, ANN, "next-cut", this.parentId,
				slack.responseUrl("n"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonObject view = openedView();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("new-cut");
		assertThat(view.get("private_metadata").getAsString()).isEqualTo(CHANNEL + ":" + this.parentId);
		String json = view.toString();
		assertThat(json).contains("\"initial_value\":\"Sharing app 0.2\"",
				"\"initial_value\":\"single sign-on\\ndark mode\"", "• single sign-on (0–1)",
				"• dark mode (0–0) (no votes)");
		assertThat(slack.calls("response_url")).noneMatch((call) -> call.param("url").endsWith("/n"));
	}

	@Test
	void anyoneElseIsToldOnlyTheFacilitatorCanAndNoFormOpens() {
		closedCut();

		this.requests.click(CHANNEL, BOB, "next-cut", this.parentId, slack.responseUrl("b"));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("/b"), WAIT);
		assertThat(replyText(reply)).contains("Only <@" + ANN + ">", "can start the next cut");
		assertThat(slack.calls("views.open")).isEmpty();
	}

	@Test
	void slashCommandNextWithNoIdFollowsTheChannelsLatestClosedCut() {
		closedCut();

		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "next", slack.responseUrl("c"));

		assertThat(response.body()).isEmpty();
		assertThat(openedView().get("private_metadata").getAsString()).isEqualTo(CHANNEL + ":" + this.parentId);
	}

	@Test
	void nextOnAnOpenCutIsRefused() {
		String open = voteValues(startCut("Billing 2.0: invoices; refunds")).get(0).split("\\|")[0];

		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "next " + open, slack.responseUrl("c"));

		assertThat(ackText(response)).contains("`" + open + "` is open", "closed cut");
		assertThat(slack.calls("views.open")).isEmpty();
	}

	@Test
	void theSubmittedCutLinksToItsParentAndSaysWhatItCarries() {
		closedCut();

		HttpResponse<String> response = this.requests
			.post(submission(ANN, "Single sign-on\noffline mode\ndark mode").body());

		assertThat(response.body()).isEmpty();
		FakeSlack.Call posted = slack.await("chat.postMessage",
				(call) -> call.param("blocks") != null && call.param("blocks").contains("Sharing app 0.2"), WAIT);
		assertThat(blocks(posted)).contains("Carries 2 items deferred from Sharing app 0.1 (`" + this.parentId + "`)");
		String childId = voteValues(posted).get(0).split("\\|")[0];
		Map<Object, Object> child = this.redisTemplate.opsForHash().entries(cutKey(childId));
		assertThat(child).containsEntry("parent", this.parentId)
			.containsEntry("parentTitle", "Sharing app 0.1")
			.containsEntry("deferrals", "1:1,3:1");
		String record = ackText(this.requests.command(CHANNEL, ANN, "export " + childId, slack.responseUrl("x")));
		assertThat(record).contains("- Carries 2 items deferred from Sharing app 0.1 (`" + this.parentId + "`)");
	}

	@Test
	void aSubmissionBySomeoneElseIsRefusedOnTheFormAndStoresNothing() {
		closedCut();

		HttpResponse<String> response = this.requests.post(submission(BOB, "single sign-on").body());

		JsonObject errors = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("errors");
		assertThat(errors.get("title").getAsString()).contains("Only <@" + ANN + ">");
		// The closed cut's own jobs may still run; what matters is that no cut was added.
		assertThat(this.redisTemplate.keys("scopecut:*:cut:*")).containsExactly(cutKey(this.parentId));
	}

}
