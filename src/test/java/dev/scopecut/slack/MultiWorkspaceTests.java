package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.scopecut.app.CloseCut;
import dev.scopecut.app.CutService;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.MultiWorkspaceTest;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Two workspaces installed through OAuth on one Redis: each request and each background
 * call uses its own workspace's token; an uninstalled or revoked workspace is cleaned up
 * and its cuts go quiet; a request from one workspace can never reach another's cut.
 */
class MultiWorkspaceTests extends MultiWorkspaceTest {

	private static final String TEAM_A = "T000000AA";

	private static final String TEAM_B = "T000000BB";

	private static final String CHANNEL_A = "C00000A01";

	private static final String CHANNEL_B = "C00000B01";

	private static final AtomicInteger EVENTS = new AtomicInteger();

	@Autowired
	private CutService cuts;

	@BeforeEach
	void installBoth() {
		install(TEAM_A, "xoxb-team-a");
		install(TEAM_B, "xoxb-team-b");
	}

	@Test
	void eachWorkspaceCallsSlackWithItsOwnToken() {
		String cutA = start(TEAM_A, CHANNEL_A, "A plan: one; two");
		String cutB = start(TEAM_B, CHANNEL_B, "B plan: one; two");

		vote(TEAM_A, CHANNEL_A, cutA, "a1");
		vote(TEAM_B, CHANNEL_B, cutB, "b1");
		slack.await("chat.update", (call) -> CHANNEL_A.equals(call.param("channel")), WAIT);
		slack.await("chat.update", (call) -> CHANNEL_B.equals(call.param("channel")), WAIT);
		this.requests.post(SignedRequests.slashCommand(TEAM_B, CHANNEL_B, ANN, "", slack.responseUrl("modal")));
		assertThat(slack.await("views.open", WAIT).token()).isEqualTo("xoxb-team-b");

		List<FakeSlack.Call> inA = slack.calls()
			.stream()
			.filter((call) -> CHANNEL_A.equals(call.param("channel")))
			.toList();
		List<FakeSlack.Call> inB = slack.calls()
			.stream()
			.filter((call) -> CHANNEL_B.equals(call.param("channel")))
			.toList();
		assertThat(inA).extracting(FakeSlack.Call::method).contains("chat.postMessage", "chat.update");
		assertThat(inA).extracting(FakeSlack.Call::token).containsOnly("xoxb-team-a");
		assertThat(inB).extracting(FakeSlack.Call::method).contains("chat.postMessage", "chat.update");
		assertThat(inB).extracting(FakeSlack.Call::token).containsOnly("xoxb-team-b");
		assertThat(slack.calls("auth.test")).extracting(FakeSlack.Call::token)
			.containsOnly("xoxb-team-a", "xoxb-team-b");
	}

	@Test
	void anUninstalledWorkspaceIsForgottenAndItsCutsGoQuietWhileTheOtherCarriesOn() {
		String cutA = start(TEAM_A, CHANNEL_A, "A plan: one; two");
		String cutB = start(TEAM_B, CHANNEL_B, "B plan: one; two");

		assertThat(event(TEAM_B, "{\"type\":\"app_uninstalled\"}").statusCode()).isEqualTo(200);
		assertThat(event(TEAM_B, "{\"type\":\"app_uninstalled\"}").statusCode()).as("delivered again").isEqualTo(200);

		assertThat(this.redisTemplate.hasKey("scopecut:{" + TEAM_B + "}:installation")).isFalse();
		assertThat(this.redisTemplate.hasKey("scopecut:{" + TEAM_A + "}:installation")).isTrue();
		int afterUninstall = slack.calls().size();
		// The deadline's work on the cut: closing it schedules its refresh and
		// its decision.
		CutRef refB = new CutRef(TEAM_B, CutId.parse(cutB).orElseThrow());
		this.cuts.close(new CloseCut(this.cuts.find(refB).orElseThrow(), ANN));
		await("B's refresh and decision dropped").atMost(WAIT)
			.until(() -> this.redisTemplate.opsForZSet()
				.range("scopecut:{" + TEAM_B + "}:jobs", 0, -1)
				.stream()
				.noneMatch((job) -> job.contains("|" + TEAM_B + "|")));
		assertThat(slack.calls().subList(afterUninstall, slack.calls().size()))
			.noneMatch((call) -> CHANNEL_B.equals(call.param("channel")) || "xoxb-team-b".equals(call.token()));
		assertThat(this.cuts.find(refB).orElseThrow().isOpen()).as("closed, quietly").isFalse();

		this.requests.post(SignedRequests.slashCommand(TEAM_B, CHANNEL_B, ANN, "list", slack.responseUrl("b-list")));
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/b-list"), WAIT)))
			.contains("not installed");
		vote(TEAM_A, CHANNEL_A, cutA, "a-after");
		assertThat(slack.await("chat.update", (call) -> CHANNEL_A.equals(call.param("channel")), WAIT).token())
			.isEqualTo("xoxb-team-a");
	}

	@Test
	void afterAnUninstallEventItsCutsReminderAndDeadlineEndAtTheirFirstRunWithoutCallingSlack() {
		// Members to remind: the quick start's reminders have people to go to.
		slack.channelMembers(CHANNEL_B, ANN, BOB);
		String cutB = start(TEAM_B, CHANNEL_B, "B plan: one; two");
		CutRef refB = new CutRef(TEAM_B, CutId.parse(cutB).orElseThrow());
		await("the deadline and the first reminder queued").atMost(WAIT)
			.until(() -> kindsOfJobs(TEAM_B, cutB), (kinds) -> kinds.equals(List.of("CLOSE", "REMIND")));
		// The cut keeps its counted members, so the reminder has people it could go to.
		await("the channel's members counted").atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash().hasKey("scopecut:{" + TEAM_B + "}:cut:" + cutB, "members"));

		assertThat(event(TEAM_B, "{\"type\":\"app_uninstalled\"}").statusCode()).isEqualTo(200);
		int afterUninstall = slack.calls().size();
		// No request is signed after the clock moves on.
		clock.advance(CutService.QUICK_START_DURATION.dividedBy(2).plusMinutes(1));

		await("the reminder ended at its first run, queueing no one's").atMost(WAIT)
			.until(() -> kindsOfJobs(TEAM_B, cutB), (kinds) -> kinds.equals(List.of("CLOSE")));
		clock.advance(CutService.QUICK_START_DURATION.dividedBy(2));
		await("the deadline closed the cut").atMost(WAIT).until(() -> !this.cuts.find(refB).orElseThrow().isOpen());
		await("every job of the cut ended, none put back for a retry").during(Duration.ofSeconds(2))
			.atMost(WAIT)
			.until(() -> kindsOfJobs(TEAM_B, cutB).isEmpty());
		assertThat(slack.calls().subList(afterUninstall, slack.calls().size()))
			.noneMatch((call) -> call.method().startsWith("chat.") || call.method().startsWith("conversations.")
					|| CHANNEL_B.equals(call.param("channel")) || "xoxb-team-b".equals(call.token()));
	}

	@Test
	void revokedTokensRemoveTheirInstallationsOnly() {
		String installation = "scopecut:{" + TEAM_B + "}:installation";
		assertThat(this.redisTemplate.opsForHash().keys(installation)).containsExactlyInAnyOrder("bot",
				"user:U0000INSTALLER");

		assertThat(
				event(TEAM_B, "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[\"U0000INSTALLER\"]}}").statusCode())
			.isEqualTo(200);
		assertThat(this.redisTemplate.opsForHash().keys(installation)).containsExactly("bot");

		assertThat(event(TEAM_B, "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"" + FakeSlack.BOT_USER + "\"]}}")
			.statusCode()).isEqualTo(200);
		assertThat(this.redisTemplate.hasKey(installation)).isFalse();
		assertThat(this.redisTemplate.opsForHash().keys("scopecut:{" + TEAM_A + "}:installation")).contains("bot");
	}

	@Test
	void aSignedRequestFromOneWorkspaceCannotReadVoteInOrCloseAnothersCut() {
		String cutB = start(TEAM_B, CHANNEL_B, "B plan: one; two");
		String cutKey = "scopecut:{" + TEAM_B + "}:cut:" + cutB;
		String before = String.valueOf(this.redisTemplate.opsForHash().entries(cutKey));

		this.requests.post(SignedRequests.blockAction(TEAM_A, CHANNEL_B, BOB, "vote-ship", cutB + "|1|S",
				slack.responseUrl("forged-vote")));
		HttpResponse<String> close = this.requests
			.post(SignedRequests.blockAction(TEAM_A, CHANNEL_B, ANN, "close", cutB, slack.responseUrl("forged-close")));
		HttpResponse<String> myVotes = this.requests.post(SignedRequests.blockAction(TEAM_A, CHANNEL_B, ANN, "my-votes",
				cutB, slack.responseUrl("forged-my-votes")));
		HttpResponse<String> closeCommand = this.requests
			.post(SignedRequests.slashCommand(TEAM_A, CHANNEL_B, ANN, "close " + cutB, slack.responseUrl("c")));
		HttpResponse<String> export = this.requests
			.post(SignedRequests.slashCommand(TEAM_A, CHANNEL_B, ANN, "export " + cutB, slack.responseUrl("e")));

		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/forged-vote"), WAIT)))
			.contains("no longer exists");
		assertThat(close.statusCode()).isEqualTo(400);
		assertThat(myVotes.statusCode()).isEqualTo(400);
		assertThat(ackText(closeCommand)).contains("There is no cut `" + cutB + "` in this workspace.");
		assertThat(ackText(export)).contains("There is no cut `" + cutB + "` in this workspace.");
		assertThat(this.redisTemplate.hasKey("scopecut:{" + TEAM_B + "}:votes:" + cutB)).isFalse();
		assertThat(String.valueOf(this.redisTemplate.opsForHash().entries(cutKey))).isEqualTo(before);
		assertThat(storedKeys()).filteredOn((key) -> key.startsWith("scopecut:{" + TEAM_A + "}:"))
			.containsExactly("scopecut:{" + TEAM_A + "}:installation");
	}

	/** Starts a cut by quick start in a workspace; returns its id once posted. */
	private String start(String team, String channel, String text) {
		this.requests.post(SignedRequests.slashCommand(team, channel, ANN, text, slack.responseUrl("start-" + team)));
		FakeSlack.Call posted = slack.await("chat.postMessage", (call) -> channel.equals(call.param("channel")), WAIT);
		String cut = posted.voteValues().get(0).split("\\|")[0];
		// The message's ts is stored just after the post: a test reading the cut as it
		// stands must not read it before.
		await("the cut's message stored").atMost(WAIT)
			.until(() -> this.redisTemplate.opsForHash().hasKey("scopecut:{" + team + "}:cut:" + cut, "ts"));
		return cut;
	}

	private void vote(String team, String channel, String cut, String replyId) {
		this.requests.post(
				SignedRequests.blockAction(team, channel, BOB, "vote-ship", cut + "|1|S", slack.responseUrl(replyId)));
		assertThat(replyText(slack.await("response_url", (call) -> call.param("url").endsWith("/" + replyId), WAIT)))
			.startsWith("You voted");
	}

	/** The kinds of the queued jobs of a workspace's cut, in order of their names. */
	private List<String> kindsOfJobs(String team, String cut) {
		return this.redisTemplate.opsForZSet()
			.range("scopecut:{" + team + "}:jobs", 0, -1)
			.stream()
			.filter((job) -> job.contains("|" + team + "|" + cut))
			.map((job) -> job.substring(0, job.indexOf('|')))
			.sorted()
			.toList();
	}

	/** An Events API delivery for the workspace, signed as Slack signs it. */
	private HttpResponse<String> event(String team, String event) {
		String body = "{\"token\":\"legacy-verification-token\",\"team_id\":\"" + team
				+ "\",\"api_app_id\":\"A0000APP\"," + "\"event\":" + event
				+ ",\"type\":\"event_callback\",\"event_id\":\"Ev" + EVENTS.incrementAndGet() + "\","
				+ "\"event_time\":1700000000,\"authorizations\":[{\"enterprise_id\":null,\"team_id\":\"" + team
				+ "\",\"user_id\":\"" + FakeSlack.BOT_USER + "\",\"is_bot\":true,\"is_enterprise_install\":false}]}";
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		return this.requests.send(body, timestamp, SignedRequests.sign(SignedRequests.SECRET, timestamp, body),
				"application/json");
	}

}
