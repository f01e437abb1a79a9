package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * The ballot of a large cut through {@code POST /slack/events}: its *Vote on all items*
 * button opens a modal prefilled with the voter's own choices, and one submission records
 * them all, each by the rules of a click.
 */
class BallotFlowTests extends EndToEndTest {

	private static final int ITEMS = 30;

	private String id;

	/** Starts a 30-item cut as Ann; returns its message. */
	private FakeSlack.Call startLargeCut() {
		String items = IntStream.rangeClosed(1, ITEMS).mapToObj((i) -> "item " + i).collect(Collectors.joining("; "));
		FakeSlack.Call message = startCut("Big release: " + items);
		this.id = voteValues(message).get(0).split("\\|")[0];
		return message;
	}

	private String votesKey() {
		return "scopecut:{" + FakeSlack.TEAM + "}:votes:" + this.id;
	}

	private static JsonObject openedView() {
		return JsonParser.parseString(slack.await("views.open", WAIT).param("view")).getAsJsonObject();
	}

	/** Every item's choice: Ship on the odd ones, Defer on the even ones. */
	private ViewSubmission everyItem(String voter, JsonArray blocks) {
		ViewSubmission submission = ViewSubmission.of("ballot", this.id, voter).blocks(blocks);
		IntStream.rangeClosed(1, ITEMS)
			.forEach((i) -> submission.radio("item-" + i, "choice", (i % 2 == 1) ? "S" : "D"));
		return submission;
	}

	@Test
	void aThirtyItemCutIsVotedWithOneClickAChoiceAndOneSubmission() {
		FakeSlack.Call message = startLargeCut();
		assertThat(blocks(message)).contains("\"action_id\":\"ballot\"", "Vote on all 30 items");
		int clicks = 0;

		this.requests.click(CHANNEL, BOB, "ballot", this.id, slack.responseUrl("open"));
		clicks++;
		JsonObject view = openedView();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("ballot");
		assertThat(view.getAsJsonArray("blocks")).hasSize(ITEMS + 1);
		ViewSubmission ballot = everyItem(BOB, view.getAsJsonArray("blocks"));
		clicks += ITEMS;
		HttpResponse<String> submitted = this.requests.post(ballot.body());
		clicks++;

		assertThat(clicks).isEqualTo(32);
		JsonObject answer = JsonParser.parseString(submitted.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
		String recorded = answer.getAsJsonObject("view").toString();
		assertThat(recorded).contains("30 of 30 items voted, 30 choices new or changed", "item 1 · *Ship*",
				"item 30 · *Defer*");
		Map<Object, Object> votes = this.redisTemplate.opsForHash().entries(votesKey());
		assertThat(votes).hasSize(ITEMS).containsEntry("1:" + BOB, "S").containsEntry("30:" + BOB, "D");
		// one refresh shows every item's count
		FakeSlack.Call update = slack.await("chat.update",
				(call) -> call.param("blocks").contains("*item 30*\\nShip 0 · Defer 1"), WAIT);
		assertThat(blocks(update)).contains("*item 1*\\nShip 1 · Defer 0", "*item 29*\\nShip 1 · Defer 0");
		assertThat(slack.calls("response_url")).noneMatch((call) -> call.param("url").endsWith("/open"));
	}

	@Test
	void theBallotOpensWithTheVotersOwnChoicesAndOnlyChangedChoicesCount() {
		List<String> values = voteValues(startLargeCut());
		this.requests.click(CHANNEL, BOB, "vote-menu", values.get(2 * 4 + 1), slack.responseUrl("menu"));
		slack.await("response_url", (call) -> call.param("url").endsWith("/menu"), WAIT);

		this.requests.click(CHANNEL, BOB, "ballot", this.id, slack.responseUrl("open"));

		JsonArray blocks = openedView().getAsJsonArray("blocks");
		JsonObject fifth = blocks.get(5).getAsJsonObject();
		assertThat(fifth.get("block_id").getAsString()).isEqualTo("item-5");
		assertThat(fifth.getAsJsonObject("element").getAsJsonObject("initial_option").get("value").getAsString())
			.isEqualTo("D");
		assertThat(blocks.get(4).getAsJsonObject().getAsJsonObject("element").has("initial_option")).isFalse();
		HttpResponse<String> submitted = this.requests.post(ViewSubmission.of("ballot", this.id, BOB)
			.blocks(blocks)
			.radio("item-5", "choice", "D")
			.radio("item-6", "choice", "S")
			.body());
		assertThat(JsonParser.parseString(submitted.body()).getAsJsonObject().getAsJsonObject("view").toString())
			.contains("2 of 30 items voted, 1 choice new or changed");
		assertThat(this.redisTemplate.opsForHash().entries(votesKey())).containsOnly(Map.entry("5:" + BOB, "D"),
				Map.entry("6:" + BOB, "S"));
	}

	@Test
	void aBallotWithNoChoiceOrOnAClosedCutIsAnsweredInTheFormAndRecordsNothing() {
		startLargeCut();
		this.requests.click(CHANNEL, BOB, "ballot", this.id, slack.responseUrl("open"));
		JsonArray blocks = openedView().getAsJsonArray("blocks");

		HttpResponse<String> empty = this.requests
			.post(ViewSubmission.of("ballot", this.id, BOB).blocks(blocks).body());
		this.requests.command(CHANNEL, ANN, "close " + this.id + " force", slack.responseUrl("close"));
		HttpResponse<String> late = this.requests.post(everyItem(BOB, blocks).body());

		assertThat(errors(empty)).containsEntry("item-1", "Pick Ship or Defer for at least one item.");
		assertThat(errors(late)).containsEntry("item-1", "This cut is closed, so votes can no longer change.");
		assertThat(this.redisTemplate.hasKey(votesKey())).isFalse();
		// and the button on a closed cut opens nothing
		this.requests.click(CHANNEL, BOB, "ballot", this.id, slack.responseUrl("again"));
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/again"), WAIT)))
			.isEqualTo("This cut is closed, so votes can no longer change.");
		assertThat(slack.calls("views.open")).hasSize(1);
	}

	@Test
	void aForgedBallotIsABadRequest() {
		startLargeCut();

		HttpResponse<String> forged = this.requests
			.post(ViewSubmission.of("ballot", this.id, BOB).radio("item-1", "choice", "ship-twice").body());
		HttpResponse<String> noCut = this.requests
			.post(ViewSubmission.of("ballot", "not an id", BOB).radio("item-1", "choice", "S").body());

		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(noCut.statusCode()).isEqualTo(400);
		assertThat(this.redisTemplate.hasKey(votesKey())).isFalse();
	}

	private static Map<String, String> errors(HttpResponse<String> response) {
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		return answer.getAsJsonObject("errors")
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().getAsString()));
	}

}
