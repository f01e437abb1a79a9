package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.scopecut.app.CutService;
import dev.scopecut.app.StartCut;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * {@code /scopecut export [ID]}: the decision record as Markdown, privately, in the
 * command's acknowledgement.
 */
class ExportTests extends EndToEndTest {

	private static final String CAROL = "U0000CAROL";

	@Autowired
	private CutService cuts;

	@Test
	void exportWithoutAnIdGivesTheChannelsOpenCutAsItStandsNow() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		List<String> values = voteValues(message);
		String id = cutId(values);
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		slack.await("response_url", (call) -> call.param("url").endsWith("v1"), WAIT);

		HttpResponse<String> export = this.requests.command(CHANNEL, BOB, "export", slack.responseUrl("e"));

		assertThat(export.statusCode()).isEqualTo(200);
		String text = ackText(export);
		assertThat(text)
			.startsWith("Decision record of `" + id + "`, as Markdown:\n```\n# Scope cut: Sharing app 0.1\n")
			.endsWith("\n```")
			.contains("- Status: still open; this is the standing as of 20", "- Closed: not yet", "- Voters: 1 voted",
					"## Ship now\n\n- email signup — Ship 1, Defer 0",
					"## Defer\n\n- create project — Ship 0, Defer 0 (no votes)", "Rule: an item ships when");
		assertThat(responseType(export)).isEqualTo("ephemeral");
		// Nothing of this cut posted but its message (a job of the previous test may
		// still post its own decision after the reset).
		assertThat(slack.calls("chat.postMessage")).filteredOn((call) -> call.params().toString().contains(id))
			.containsExactly(message);
	}

	@Test
	void aClosedCutIsExportedByItsIdFromAnyChannelByItsFacilitator() {
		FakeSlack.Call message = startCut("Sharing app 0.1: email signup; create project");
		List<String> values = voteValues(message);
		String id = cutId(values);
		this.requests.click(CHANNEL, BOB, "vote-ship", values.get(0), slack.responseUrl("v1"));
		this.requests.click(CHANNEL, ANN, "vote-defer", values.get(3), slack.responseUrl("v2"));
		slack.await("response_url", (call) -> call.param("url").endsWith("v2"), WAIT);
		assertThat(ackText(this.requests.command(CHANNEL, ANN, "close force", slack.responseUrl("c"))))
			.startsWith("Closed");

		HttpResponse<String> withoutId = this.requests.command(CHANNEL, BOB, "export", slack.responseUrl("e1"));
		HttpResponse<String> byId = this.requests.command("C0000ELSE", ANN, "export " + id.toLowerCase(),
				slack.responseUrl("e2"));

		// Right after the decision, no ID is needed: the channel's latest closed cut.
		assertThat(ackText(withoutId)).isEqualTo(ackText(byId));
		assertThat(ackText(byId)).startsWith("Decision record of `" + id + "`")
			.contains("- Status: closed", "- Closed: 20", "- Facilitator: `" + ANN + "`", "- Voters: 2 voted",
					"## Ship now\n\n- email signup — Ship 1, Defer 0", "## Defer\n\n- create project — Ship 0, Defer 1")
			.doesNotContain("still open", BOB);
	}

	/**
	 * A record answers in the acknowledgement, so a slow {@code users.info} is not waited
	 * for: the name shows by id now, and by name once the lookup has filled the cache.
	 */
	@Test
	void aSlowSlackNeverHoldsTheRecordItsNameFollowsNextTime() {
		slack.realName(ANN, "Ann Lee");
		String id = cutId(voteValues(startCut("Sharing app 0.1: email signup")));
		String person = "scopecut:{" + FakeSlack.TEAM + "}:person:" + ANN;
		this.redisTemplate.delete(person);
		slack.latency(Duration.ofSeconds(3));

		String byId = ackText(this.requests.command(CHANNEL, BOB, "export " + id, slack.responseUrl("e1")));
		await().atMost(WAIT).until(() -> this.redisTemplate.hasKey(person));
		slack.latency(Duration.ZERO);
		String byName = ackText(this.requests.command(CHANNEL, BOB, "export " + id, slack.responseUrl("e2")));

		assertThat(byId).contains("- Facilitator: `" + ANN + "`\n");
		assertThat(byName).contains("- Facilitator: Ann Lee\n");
	}

	@Test
	void theRecordNamesTheFacilitatorByTheirSlackNameAndByIdWhenSlackWillNotSay() {
		slack.realName(ANN, "Ann Lee");
		slack.channelMembers(CHANNEL, ANN, BOB);
		String id = cutId(voteValues(startCut("Sharing app 0.1: email signup")));
		// The members are counted (and described) before Slack is told to refuse.
		await().atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash()
				.hasKey("scopecut:{" + FakeSlack.TEAM + "}:cut:" + id, "members"));
		this.requests.command(CHANNEL, ANN, "add " + id + ": dark mode", slack.responseUrl("add"));

		String named = ackText(this.requests.command(CHANNEL, BOB, "export " + id, slack.responseUrl("e1")));
		this.redisTemplate.delete("scopecut:{" + FakeSlack.TEAM + "}:person:" + ANN);
		slack.failOnce("users.info", "user_not_found");
		String unnamed = ackText(this.requests.command(CHANNEL, BOB, "export " + id, slack.responseUrl("e2")));

		assertThat(named).contains("- Facilitator: Ann Lee\n", " Ann Lee added: dark mode").doesNotContain(ANN);
		assertThat(unnamed).contains("- Facilitator: `" + ANN + "`\n", " `" + ANN + "` added: dark mode");
	}

	@Test
	void anExportWithoutAnIdInAChannelWithNoCutSaysHowToNameOne() {
		HttpResponse<String> export = this.requests.command(CHANNEL, BOB, "export", slack.responseUrl("e"));

		assertThat(ackText(export)).contains("no open cut, nor a recently closed one", "/scopecut export ID");
	}

	@Test
	void anUnknownIdIsSaidPlainly() {
		HttpResponse<String> export = this.requests.command(CHANNEL, BOB, "export ZZZZZ", slack.responseUrl("e"));
		HttpResponse<String> malformed = this.requests.command(CHANNEL, BOB, "export nope!", slack.responseUrl("m"));

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(ackText(export)).isEqualTo("There is no cut `ZZZZZ` in this workspace.");
		assertThat(ackText(malformed)).startsWith("I did not understand `export nope!`");
	}

	@Test
	void anAnonymousCutsRecordHoldsNoVotersId() {
		Cut cut = this.cuts.start(new StartCut(FakeSlack.TEAM, CHANNEL, ANN,
				new CutDraft("Secret ballot", List.of("email signup", "dark mode"),
						new CutSettings("Who needs what?", Instant.now().plus(Duration.ofHours(1)), 0, 3, true))));
		String id = cut.ref().id().value();
		this.requests.click(CHANNEL, BOB, "vote-ship", id + "|1|S", slack.responseUrl("v1"));
		this.requests.click(CHANNEL, CAROL, "vote-defer", id + "|2|D", slack.responseUrl("v2"));
		slack.await("response_url", (call) -> call.param("url").endsWith("v1"), WAIT);
		slack.await("response_url", (call) -> call.param("url").endsWith("v2"), WAIT);

		String text = ackText(this.requests.command(CHANNEL, BOB, "export " + id, slack.responseUrl("e")));

		assertThat(text).contains("- Votes: anonymous", "- Voters: 2 voted — no quorum (3 needed)",
				"- email signup — Ship 1, Defer 0", "- dark mode — Ship 0, Defer 1");
		assertThat(text).doesNotContain(BOB, CAROL, "U0000BO", "U0000CA");
	}

	@Test
	void aRecordTooLongForOneMessageFollowsInPartsInOrder() {
		// nothing bounds the question's length
		String question = "Who & why? ".repeat(5_000);
		Cut cut = this.cuts
			.start(new StartCut(FakeSlack.TEAM, CHANNEL, ANN, new CutDraft("Long question", List.of("email signup"),
					new CutSettings(question, Instant.now().plus(Duration.ofHours(1)), 0, 0, false))));
		String id = cut.ref().id().value();

		String ack = ackText(this.requests.command(CHANNEL, BOB, "export", slack.responseUrl("long")));

		assertThat(ack).isEqualTo("The decision record of `" + id + "` is long: it follows in 2 messages.");
		org.awaitility.Awaitility.await()
			.atMost(WAIT)
			.until(() -> slack.calls("response_url")
				.stream()
				.filter((c) -> c.param("url").endsWith("long"))
				.count() == 2);
		List<String> parts = slack.calls("response_url")
			.stream()
			.filter((call) -> call.param("url").endsWith("long"))
			.map(ExportTests::replyText)
			.toList();
		assertThat(parts.get(0))
			.startsWith("Decision record of `" + id + "`, as Markdown, part 1 of 2:\n```\n# Scope cut: Long question");
		assertThat(parts.get(1)).startsWith("Decision record of `" + id + "`, as Markdown, part 2 of 2:\n```\n")
			.contains("- email signup — Ship 0, Defer 0 (no votes)")
			.endsWith("\n```");
		assertThat(parts).allSatisfy((part) -> assertThat(part).hasSizeLessThanOrEqualTo(40_000));
	}

	private static String cutId(List<String> voteValues) {
		return voteValues.get(0).split("\\|")[0];
	}

	/**
	 * The acknowledgement's response type: ephemeral (private) unless it says otherwise.
	 */
	private static String responseType(HttpResponse<String> response) {
		JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
		return body.has("response_type") ? body.get("response_type").getAsString() : "ephemeral";
	}

}
