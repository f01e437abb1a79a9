package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.CutDetails;
import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.ViewSubmission;

/**
 * Editing an open cut's title, question, capacity and quorum from the <em>Edit scope
 * cut</em> modal, through {@code POST /slack/events}: opened by the Edit button or
 * {@code /scopecut edit}, submitted, checked again on the server.
 */
class EditModalFlowTests extends EndToEndTest {

	private String id;

	private String cutKey() {
		return "scopecut:{" + FakeSlack.TEAM + "}:cut:" + this.id;
	}

	private String historyKey() {
		return cutKey().replace(":cut:", ":history:");
	}

	/** Starts a two-item cut as Ann and waits until its message is attached. */
	private void startPostedCut() {
		this.id = voteValues(startCut("Sharing app 0.1: email signup; create project")).get(0).split("\\|")[0];
		await().atMost(WAIT).until(() -> this.redisTemplate.opsForHash().hasKey(cutKey(), "ts"));
	}

	/** What an edit could change, and its change counter. */
	private List<Object> details() {
		return this.redisTemplate.opsForHash()
			.multiGet(cutKey(), List.of("title", "question", "capacity", "quorum", "status", "version"));
	}

	/**
	 * What the form opened on the new cut carries: its id and its details' fingerprint.
	 */
	private String formMetadata() {
		return this.id + ":" + new CutDetails("Sharing app 0.1", "", 0, 0).fingerprint();
	}

	private ViewSubmission submission(String user) {
		return ViewSubmission.of("edit-cut", formMetadata(), user)
			.text("title", "Sharing app 0.2")
			.text("question", "Will people share a link?")
			.number("capacity", "1")
			.number("quorum", null);
	}

	private static JsonObject errors(HttpResponse<String> response) {
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
		return answer.getAsJsonObject("errors");
	}

	/** The confirmation that replaced a saved form ({@code response_action: update}). */
	private static String savedText(HttpResponse<String> response) {
		JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
		return answer.getAsJsonObject("view")
			.getAsJsonArray("blocks")
			.get(0)
			.getAsJsonObject()
			.getAsJsonObject("text")
			.get("text")
			.getAsString();
	}

	private static JsonObject openedView() {
		FakeSlack.Call open = slack.await("views.open", WAIT);
		assertThat(open.param("trigger_id")).matches("1337\\.[0-9]+\\.abcdef");
		return JsonParser.parseString(open.param("view")).getAsJsonObject();
	}

	@Test
	void theEditButtonOpensTheModalPrefilledWithTheCut() {
		startPostedCut();

		HttpResponse<String> response = this.requests.click(CHANNEL, ANN, "edit", this.id, slack.responseUrl("e"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonObject view = openedView();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("edit-cut");
		assertThat(view.get("private_metadata").getAsString()).isEqualTo(formMetadata());
		assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Edit scope cut");
		assertThat(view.getAsJsonArray("blocks")
			.get(0)
			.getAsJsonObject()
			.getAsJsonObject("element")
			.get("initial_value")
			.getAsString()).isEqualTo("Sharing app 0.1");
		assertThat(slack.calls("response_url")).isEmpty();
	}

	@Test
	void slashCommandEditOpensTheSameModal() {
		startPostedCut();

		HttpResponse<String> response = this.requests.command(CHANNEL, ANN, "edit " + this.id, slack.responseUrl("c"));

		assertThat(response.body()).isEmpty();
		assertThat(openedView().get("private_metadata").getAsString()).isEqualTo(formMetadata());
	}

	@Test
	void aSubmissionChangesTheCutRefreshesItsMessageAndIsExported() {
		startPostedCut();

		HttpResponse<String> response = this.requests.post(submission(ANN).body());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(savedText(response)).isEqualTo("Changed `" + this.id
				+ "`: title “Sharing app 0.1” → “Sharing app 0.2”; question “” → “Will people share a link?”;"
				+ " capacity none → 1. The cut's message shows it; `/scopecut export` keeps every edit.");
		assertThat(this.redisTemplate.<String, String>opsForHash().entries(cutKey()))
			.containsEntry("title", "Sharing app 0.2")
			.containsEntry("question", "Will people share a link?")
			.containsEntry("capacity", "1")
			.containsEntry("quorum", "0");
		FakeSlack.Call update = slack.await("chat.update", (call) -> call.param("blocks").contains("Sharing app 0.2"),
				WAIT);
		assertThat(blocks(update)).contains("Will people share a link?", "email signup", "create project",
				"edited: title “Sharing app 0.1” → “Sharing app 0.2”; question “” → “Will people share a link?”;"
						+ " capacity none → 1");
		String record = ackText(this.requests.command(CHANNEL, BOB, "export " + this.id, slack.responseUrl("x")));
		assertThat(record).containsPattern("- \\S+Z `" + ANN + "` changed: title “Sharing app 0\\.1” → “Sharing app "
				+ "0\\.2”; question “” → “Will people share a link\\?”; capacity none → 1\n");
	}

	@Test
	void aSubmissionThatChangesNothingRecordsNothing() {
		startPostedCut();

		HttpResponse<String> response = this.requests.post(ViewSubmission.of("edit-cut", formMetadata(), ANN)
			.text("title", " Sharing app 0.1 ")
			.text("question", null)
			.body());

		assertThat(savedText(response)).isEqualTo("Nothing to change: `" + this.id + "` already reads so.");
		assertThat(this.redisTemplate.opsForHash().get(cutKey(), "version")).isEqualTo("0");
		assertThat(this.redisTemplate.hasKey(historyKey())).isFalse();
	}

	@Test
	void onlyTheFacilitatorGetsTheModalOrChangesTheCutWhateverThePayloadSays() {
		startPostedCut();
		List<Object> before = details();

		this.requests.click(CHANNEL, BOB, "edit", this.id, slack.responseUrl("b"));
		String clicked = replyText(slack.await("response_url", (c) -> c.param("url").endsWith("/b"), WAIT));
		String typed = ackText(this.requests.command(CHANNEL, BOB, "edit", slack.responseUrl("t")));
		JsonObject forged = errors(this.requests.post(submission(BOB).body()));

		assertThat(clicked)
			.isEqualTo("Only <@" + ANN + ">, who started `" + this.id + "`, can edit it; nothing was changed.");
		assertThat(typed).isEqualTo(clicked);
		assertThat(forged.keySet()).containsExactly("title");
		assertThat(forged.get("title").getAsString()).contains("can edit it");
		assertThat(slack.calls("views.open")).isEmpty();
		assertThat(details()).isEqualTo(before);
		assertThat(this.redisTemplate.hasKey(historyKey())).isFalse();
	}

	@Test
	void aSubmissionNamingNoCutOfTheWorkspaceChangesNothing() {
		startPostedCut();
		List<Object> before = details();

		JsonObject missing = errors(
				this.requests.post(ViewSubmission.of("edit-cut", formMetadata().replace(this.id, "ZZZZZ"), ANN)
					.text("title", "Sharing app 0.2")
					.body()));
		HttpResponse<String> malformed = this.requests
			.post(ViewSubmission.of("edit-cut", "not an id", ANN).text("title", "Sharing app 0.2").body());

		assertThat(missing.get("title").getAsString()).contains("no longer exists");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(details()).isEqualTo(before);
	}

	@Test
	void aCapacityAboveTheItemsComesBackOnItsFieldAndChangesNothing() {
		startPostedCut();
		List<Object> before = details();

		JsonObject errors = errors(this.requests.post(submission(ANN).number("capacity", "3").body()));

		assertThat(errors.keySet()).containsExactly("capacity");
		assertThat(errors.get("capacity").getAsString()).contains("capacity (3) is more than the 2 items");
		assertThat(details()).isEqualTo(before);
		assertThat(this.redisTemplate.hasKey(historyKey())).isFalse();
	}

	@Test
	void everyBrokenFieldOfTheEditFormComesBackInOneAnswer() {
		startPostedCut();
		List<Object> before = details();

		JsonObject errors = errors(this.requests
			.post(submission(ANN).text("title", " ").number("capacity", "0").number("quorum", "many").body()));

		assertThat(errors.keySet()).containsExactlyInAnyOrder("title", "capacity", "quorum");
		assertThat(details()).isEqualTo(before);
	}

	@Test
	void aClosedCutIsNeitherOpenedForEditingNorChanged() {
		startPostedCut();
		this.requests.command(CHANNEL, ANN, "close " + this.id + " force", slack.responseUrl("close"));
		// the decision is posted before the test ends, not into the next one
		await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() == 2);
		List<Object> closed = details();

		this.requests.click(CHANNEL, ANN, "edit", this.id, slack.responseUrl("late"));
		String clicked = replyText(slack.await("response_url", (c) -> c.param("url").endsWith("/late"), WAIT));
		String typed = ackText(this.requests.command(CHANNEL, ANN, "edit " + this.id, slack.responseUrl("t")));
		JsonObject submitted = errors(this.requests.post(submission(ANN).body()));

		assertThat(clicked).isEqualTo("`" + this.id + "` is already closed; nothing was changed.");
		assertThat(typed).isEqualTo(clicked);
		assertThat(submitted.get("title").getAsString()).isEqualTo("This cut is already closed; nothing was changed.");
		assertThat(slack.calls("views.open")).isEmpty();
		assertThat(details()).isEqualTo(closed);
	}

	@Test
	void aFormLeftOpenWhileAnotherEditWasSavedChangesNothing() {
		startPostedCut();
		this.requests.post(submission(ANN).body());
		List<Object> edited = details();

		JsonObject stale = errors(this.requests.post(submission(ANN).text("title", "Sharing app 0.3").body()));

		assertThat(stale.get("title").getAsString()).contains("changed while this form was open");
		assertThat(edited.get(0)).isEqualTo("Sharing app 0.2");
		assertThat(details()).isEqualTo(edited);
	}

	@Test
	void anEditFormSlackWillNotOpenIsSaidPrivately() {
		startPostedCut();
		slack.failOnce("views.open", "expired_trigger_id");

		this.requests.click(CHANNEL, ANN, "edit", this.id, slack.responseUrl("x"));

		String reply = replyText(slack.await("response_url", (c) -> c.param("url").endsWith("/x"), WAIT));
		assertThat(reply).contains("could not be opened", "expired_trigger_id");
	}

	@Test
	void helpListsTheEditCommand() {
		assertThat(ackText(this.requests.command(CHANNEL, BOB, "help", slack.responseUrl("h"))))
			.contains("`/scopecut edit [ID]`");
	}

}
