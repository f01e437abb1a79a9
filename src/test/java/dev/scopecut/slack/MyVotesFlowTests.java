package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * The My votes button through the real HTTP endpoint: a private view of the clicker's own
 * choices, whose buttons vote exactly as the channel's.
 */
class MyVotesFlowTests extends EndToEndTest {

	@Test
	void myVotesShowsTheClickersChoicesPrivatelyAndItsButtonsChangeTheVote() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project; share link");
		List<String> values = voteValues(message);
		String cutId = cutId(values);
		assertThat(controls(message)).contains("my-votes");
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(3), slack.responseUrl("v2"));
		slack.await("response_url", (call) -> call.param("url").endsWith("v2"), WAIT);

		HttpResponse<String> clicked = this.requests.click(CHANNEL, BOB, "my-votes", cutId, slack.responseUrl("mine"));

		assertThat(clicked.statusCode()).isEqualTo(200);
		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("mine"), WAIT);
		JsonObject json = reply.json();
		assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
		assertThat(json.get("replace_original").getAsBoolean()).isFalse();
		assertThat(replyText(reply)).isEqualTo("Your votes on Sharing app 0.1: 2 of 3 items voted");
		assertThat(json.get("blocks").toString()).contains("*email signup*\\nYour vote: *Ship*",
				"*create project*\\nYour vote: *Defer*", "*share link*\\nYour vote: _not voted yet_");
		List<JsonObject> buttons = buttons(json.getAsJsonArray("blocks"));
		assertThat(buttons).extracting((button) -> button.get("value").getAsString()).containsExactlyElementsOf(values);

		JsonObject deferSignup = buttons.get(1);
		assertThat(deferSignup.get("action_id").getAsString()).isEqualTo("vote-defer");
		this.requests.click(CHANNEL, BOB, deferSignup.get("action_id").getAsString(),
				deferSignup.get("value").getAsString(), slack.responseUrl("from-mine"));

		assertThat(replyText(slack.await("response_url", (c) -> c.param("url").endsWith("from-mine"), WAIT)))
			.isEqualTo("You changed your vote on “email signup” to *Defer*.");
		assertThat(this.redisTemplate.opsForHash().entries(votesKey(cutId)))
			.containsExactlyInAnyOrderEntriesOf(Map.of("1:" + BOB, "D", "2:" + BOB, "D"));
		slack.await("chat.update", (call) -> call.param("blocks").contains("Ship 0 · Defer 1"), WAIT);
	}

	@Test
	void myVotesShowsNothingOfAnyoneElsesVotes() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		List<String> values = voteValues(message);
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		slack.await("response_url", (call) -> call.param("url").endsWith("v1"), WAIT);

		this.requests.click(CHANNEL, ANN, "my-votes", cutId(values), slack.responseUrl("ann"));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("ann"), WAIT);
		assertThat(replyText(reply)).endsWith("0 of 2 items voted");
		assertThat(reply.json().toString()).doesNotContain(BOB).doesNotContain("Your vote: *Ship*");
	}

	@Test
	void onAClosedCutMyVotesSaysSoAndShowsNoButtons() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		List<String> values = voteValues(message);
		this.requests.click(CHANNEL, BOB, "vote-defer", values.get(1), slack.responseUrl("v1"));
		slack.await("response_url", (call) -> call.param("url").endsWith("v1"), WAIT);
		this.requests.command(CHANNEL, ANN, "close force", slack.responseUrl("close"));

		this.requests.click(CHANNEL, BOB, "my-votes", cutId(values), slack.responseUrl("late"));

		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("late"), WAIT);
		String blocks = reply.json().get("blocks").toString();
		assertThat(blocks).contains("This cut is closed", "*email signup*\\nYour vote: *Defer*",
				"*create project*\\nYour vote: _no vote_");
		assertThat(buttons(reply.json().getAsJsonArray("blocks"))).isEmpty();
		assertThat(blocks).doesNotContain("overflow");
		// the decision is posted before the test ends, not into the next test's calls
		org.awaitility.Awaitility.await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() == 2);
	}

	@Test
	void theWorkspaceIsTheBotsOwnWhateverThePayloadClaims() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup");
		String cutId = cutId(voteValues(message));
		this.redisTemplate.opsForHash().put("scopecut:{T9999EVIL}:votes:" + cutId, "1:" + BOB, "S");

		HttpResponse<String> forged = this.requests.post(
				SignedRequests.blockAction("T9999EVIL", CHANNEL, BOB, "my-votes", cutId, slack.responseUrl("forged")));

		assertThat(forged.statusCode()).isEqualTo(200);
		FakeSlack.Call reply = slack.await("response_url", (call) -> call.param("url").endsWith("forged"), WAIT);
		assertThat(replyText(reply)).isEqualTo("Your votes on Sharing app 0.1: 0 of 1 item voted");
	}

	@Test
	void noSuchCutOrAValueThatIsNoCutIdIsABadRequest() {
		startCut("Sharing app 0.1: email signup");

		HttpResponse<String> noSuchCut = this.requests.click(CHANNEL, BOB, "my-votes", "ZZZZZ",
				slack.responseUrl("none"));
		HttpResponse<String> notAnId = this.requests.click(CHANNEL, BOB, "my-votes", "K7M2Q|1|S",
				slack.responseUrl("bad"));

		assertThat(List.of(noSuchCut, notAnId))
			.allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(400));
		assertThat(slack.calls("response_url"))
			.noneSatisfy((call) -> assertThat(call.param("url")).matches(".*(none|bad)$"));
	}

	private static String cutId(List<String> values) {
		return values.get(0).split("\\|")[0];
	}

	private static String votesKey(String cutId) {
		return "scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId;
	}

	private static String controls(FakeSlack.Call message) {
		return blocks(message).substring(blocks(message).indexOf("\"Close cut\""));
	}

	private static List<JsonObject> buttons(JsonArray blocks) {
		List<JsonObject> buttons = new ArrayList<>();
		for (JsonElement block : blocks) {
			JsonObject object = block.getAsJsonObject();
			if (object.get("type").getAsString().equals("actions")) {
				object.getAsJsonArray("elements").forEach((element) -> buttons.add(element.getAsJsonObject()));
			}
		}
		return buttons;
	}

}
