package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.scopecut.app.CloseCut;
import dev.scopecut.app.CutService;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.outbound.WorkspaceTokens;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.InstallBrowser;
import dev.scopecut.support.MultiWorkspaceTest;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * "Add to Slack" through the real endpoints: the install page, Slack's redirect back with
 * a code, {@code oauth.v2.access} at the fake Slack, the installation in Redis, and the
 * workspace's own token on its requests; states that must not work; token rotation.
 */
class OAuthInstallTests extends MultiWorkspaceTest {

	private static final String TEAM_A = "T000000AA";

	private static final String INSTALLATION = "scopecut:{" + TEAM_A + "}:installation";

	@Autowired
	private InstallationService installations;

	@Autowired
	private WorkspaceTokens workspaceTokens;

	@Autowired
	private CutService cuts;

	@Test
	void theInstallPageOffersAddToSlackWithAStateBoundToTheBrowser() {
		InstallBrowser.InstallPage page = openInstallPage();

		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).contains("Add to Slack")
			.contains("https://slack.com/oauth/v2/authorize?client_id=" + CLIENT_ID)
			.contains("scope=" + SignedRequests.encode(SlackConfig.BOT_SCOPES));
		assertThat(page.cookie()).isEqualTo(COOKIE + "=" + page.state());
		assertThat(this.redisTemplate.getExpire("scopecut:oauth-state:" + page.state())).isBetween(1L, 600L);
	}

	@Test
	void theWholeRoundTripStoresTheInstallationAndTheWorkspaceThenUsesItsOwnToken() {
		slack.installCode("code-a", TEAM_A, "xoxb-team-a");
		InstallBrowser.InstallPage page = openInstallPage();

		HttpResponse<String> done = redirect("code-a", page.state(), page.cookie());

		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Scopecut is installed").contains("/invite @scopecut");
		assertThat(done.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith(COOKIE + "=deleted"));
		FakeSlack.Call access = slack.await("oauth.v2.access", WAIT);
		assertThat(access.param("code")).isEqualTo("code-a");
		assertThat(String.valueOf(this.redisTemplate.opsForHash().get(INSTALLATION, "bot"))).contains("xoxb-team-a");
		assertThat(this.redisTemplate.hasKey("scopecut:oauth-state:" + page.state())).as("state consumed").isFalse();

		this.requests.post(SignedRequests.slashCommand(TEAM_A, CHANNEL, ANN, "Plan: a; b", slack.responseUrl("a")));

		assertThat(slack.await("chat.postMessage", WAIT).token()).isEqualTo("xoxb-team-a");
		assertThat(slack.calls("auth.test")).extracting(FakeSlack.Call::token).containsOnly("xoxb-team-a");
	}

	@Test
	void aReplayedStateIsRefusedAndInstallsNothingMore() {
		slack.installCode("code-a", TEAM_A, "xoxb-team-a");
		InstallBrowser.InstallPage page = openInstallPage();
		assertThat(redirect("code-a", page.state(), page.cookie()).statusCode()).isEqualTo(200);
		this.redisTemplate.delete(INSTALLATION);

		HttpResponse<String> replayed = redirect("code-a", page.state(), page.cookie());

		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(replayed.body()).contains("Scopecut was not installed").contains("already used");
		assertThat(slack.calls("oauth.v2.access")).hasSize(1);
		assertThat(this.redisTemplate.hasKey(INSTALLATION)).isFalse();
	}

	@Test
	void anExpiredStateIsRefused() {
		slack.installCode("code-a", TEAM_A, "xoxb-team-a");
		InstallBrowser.InstallPage page = openInstallPage();
		String key = "scopecut:oauth-state:" + page.state();
		// What ten minutes would do: Redis expires the state.
		this.redisTemplate.expire(key, Duration.ofMillis(1));
		await("the state expired").atMost(WAIT).until(() -> !this.redisTemplate.hasKey(key));

		HttpResponse<String> late = redirect("code-a", page.state(), page.cookie());

		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(late.body()).contains("expired");
		assertThat(slack.calls("oauth.v2.access")).isEmpty();
		assertThat(this.redisTemplate.hasKey(INSTALLATION)).isFalse();
	}

	@Test
	void aStateFromAnotherBrowserOrWithoutItsCookieIsRefusedAndNotUsedUp() {
		slack.installCode("code-a", TEAM_A, "xoxb-team-a");
		InstallBrowser.InstallPage mine = openInstallPage();
		InstallBrowser.InstallPage theirs = openInstallPage();

		assertThat(redirect("code-a", mine.state(), theirs.cookie()).statusCode()).isEqualTo(400);
		assertThat(redirect("code-a", mine.state(), null).statusCode()).isEqualTo(400);
		assertThat(slack.calls("oauth.v2.access")).isEmpty();

		assertThat(redirect("code-a", mine.state(), mine.cookie()).statusCode()).isEqualTo(200);
	}

	@Test
	void aCodeSlackRefusesShowsTheFailurePageAndStoresNothing() {
		InstallBrowser.InstallPage page = openInstallPage();

		HttpResponse<String> refused = redirect("no-such-code", page.state(), page.cookie());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Scopecut was not installed").contains("<code>invalid_grant</code>");
		assertThat(this.redisTemplate.keys("scopecut:{*}:installation")).isEmpty();
	}

	@Test
	void aRotatingTokenAboutToExpireIsRefreshedOnTheNextRequestAndSaved() {
		installRotating(60);
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-new", "xoxe-new", 43_200);
		Bot installed = this.installations.findBot(null, TEAM_A);
		assertThat(installed.getBotRefreshToken()).isEqualTo("xoxe-old");
		assertThat(installed.getBotTokenExpiresAt()).isGreaterThan(System.currentTimeMillis());
		int installCalls = slack.calls().size();

		this.requests.post(SignedRequests.slashCommand(TEAM_A, CHANNEL, ANN, "Plan: a; b", slack.responseUrl("a")));

		FakeSlack.Call refresh = slack.await("oauth.v2.access", (call) -> call.param("refresh_token") != null, WAIT);
		assertThat(refresh.param("grant_type")).isEqualTo("refresh_token");
		assertThat(refresh.param("refresh_token")).isEqualTo("xoxe-old");
		Bot rotated = this.installations.findBot(null, TEAM_A);
		assertThat(rotated.getBotAccessToken()).isEqualTo("xoxb-new");
		assertThat(rotated.getBotRefreshToken()).isEqualTo("xoxe-new");
		assertThat(rotated.getBotTokenExpiresAt()).isGreaterThan(System.currentTimeMillis() + 40_000_000L);
		assertThat(slack.await("chat.postMessage", WAIT).token()).isEqualTo("xoxb-new");
		assertThat(slack.calls().subList(installCalls, slack.calls().size()))
			.filteredOn((call) -> call.method().equals("auth.test"))
			.extracting(FakeSlack.Call::token)
			.containsOnly("xoxb-new");
	}

	@Test
	void aBackgroundJobRefreshesAnExpiredRotatingTokenItselfAndSavesIt() throws Exception {
		installRotating(60);
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-new", "xoxe-new", 43_200);
		expireToken();

		assertThat(this.workspaceTokens.botToken(TEAM_A)).isEqualTo("xoxb-new");
		assertThat(this.workspaceTokens.botToken(TEAM_A)).as("saved: no second refresh").isEqualTo("xoxb-new");

		assertThat(slack.calls("oauth.v2.access")).filteredOn((call) -> call.param("refresh_token") != null)
			.singleElement()
			.satisfies((call) -> assertThat(call.param("refresh_token")).isEqualTo("xoxe-old"));
		assertThat(this.installations.findBot(null, TEAM_A).getBotRefreshToken()).isEqualTo("xoxe-new");
	}

	@Test
	void aRefreshThatFailsForAPassingReasonIsTriedAgainLaterWithTheSameRefreshToken() throws Exception {
		installRotating(60);
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-new", "xoxe-new", 43_200);
		expireToken();

		slack.rateLimit("oauth.v2.access", 1, 7);
		assertThatThrownBy(() -> this.workspaceTokens.botToken(TEAM_A)).as("429")
			.isInstanceOfSatisfying(RetryLaterException.class,
					(ex) -> assertThat(ex.getWait()).as("its Retry-After").isEqualTo(Duration.ofSeconds(7)));
		slack.failOnceWithStatus("oauth.v2.access", 503);
		assertThatThrownBy(() -> this.workspaceTokens.botToken(TEAM_A)).as("503")
			.isInstanceOf(RetryLaterException.class);
		for (String error : List.of("ratelimited", "internal_error", "fatal_error", "service_unavailable")) {
			slack.failOnce("oauth.v2.access", error);
			assertThatThrownBy(() -> this.workspaceTokens.botToken(TEAM_A)).as(error)
				.isInstanceOf(RetryLaterException.class);
		}

		assertThat(this.workspaceTokens.botToken(TEAM_A)).isEqualTo("xoxb-new");
		assertThat(slack.calls("oauth.v2.access")).filteredOn((call) -> call.param("refresh_token") != null)
			.hasSize(7)
			.allSatisfy((call) -> assertThat(call.param("refresh_token")).isEqualTo("xoxe-old"));
	}

	@Test
	void aRefreshSlackRefusesForGoodGivesUp() throws Exception {
		installRotating(60);
		expireToken();

		assertThatThrownBy(() -> this.workspaceTokens.botToken(TEAM_A)).isInstanceOfSatisfying(
				NotifyFailedException.class, (ex) -> assertThat(ex.getReason()).isEqualTo("invalid_refresh_token"));
	}

	@Test
	void aClosedCutWhoseTokenRefreshIsRateLimitedIsShownAndAnnouncedAfterTheWaitWithTheNewToken() throws Exception {
		installRotating(43_200);
		this.requests.post(SignedRequests.slashCommand(TEAM_A, CHANNEL, ANN, "Plan: a; b", slack.responseUrl("a")));
		String cutId = slack.await("chat.postMessage", WAIT).voteValues().get(0).split("\\|")[0];
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-new", "xoxe-new", 43_200);
		expireToken();
		slack.rateLimit("oauth.v2.access", 1, 1);

		this.cuts.close(
				new CloseCut(this.cuts.find(new CutRef(TEAM_A, CutId.parse(cutId).orElseThrow())).orElseThrow(), ANN));

		FakeSlack.Call closed = slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed*"), WAIT);
		FakeSlack.Call decision = slack.await("chat.postMessage", (call) -> call.param("text").contains("\nship now "),
				WAIT);
		assertThat(closed.token()).isEqualTo("xoxb-new");
		assertThat(decision.token()).isEqualTo("xoxb-new");
		assertThat(slack.calls("oauth.v2.access")).filteredOn((call) -> call.param("refresh_token") != null).hasSize(2);
	}

	@Test
	void backgroundCallsAndARequestRefreshingAtOnceMakeOneRefreshAndAllUseTheNewToken() throws Exception {
		installRotating(60);
		// A token of its own: Bolt keeps auth.test's answer per token for the app's life.
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-refreshed-once", "xoxe-refreshed-once", 43_200);
		int installCalls = slack.calls().size();
		// Every caller reads the expiring token before the first refresh is answered.
		slack.latency(Duration.ofMillis(300));
		int callers = 4;
		ExecutorService threads = Executors.newFixedThreadPool(callers + 1);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<String>> tokens = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				tokens.add(threads.submit(() -> {
					go.await();
					return this.workspaceTokens.botToken(TEAM_A);
				}));
			}
			Future<HttpResponse<String>> request = threads.submit(() -> {
				go.await();
				return this.requests
					.post(SignedRequests.slashCommand(TEAM_A, CHANNEL, ANN, "Plan: a; b", slack.responseUrl("a")));
			});
			go.countDown();

			for (Future<String> token : tokens) {
				assertThat(token.get(20, TimeUnit.SECONDS)).isEqualTo("xoxb-refreshed-once");
			}
			assertThat(request.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(slack.await("chat.postMessage", WAIT).token()).isEqualTo("xoxb-refreshed-once");
		assertThat(slack.calls("oauth.v2.access")).filteredOn((call) -> call.param("refresh_token") != null).hasSize(1);
		assertThat(slack.calls().subList(installCalls, slack.calls().size()))
			.filteredOn((call) -> call.method().equals("auth.test"))
			.extracting(FakeSlack.Call::token)
			.containsOnly("xoxb-refreshed-once");
		assertThat(this.installations.findBot(null, TEAM_A).getBotRefreshToken()).isEqualTo("xoxe-refreshed-once");
	}

	/**
	 * Installs workspace A with token rotation on: bot token {@code xoxb-old}, refresh
	 * token {@code xoxe-old}, expiring in {@code expiresIn} seconds.
	 */
	private void installRotating(int expiresIn) {
		slack.installCode("code-a", TEAM_A, "xoxb-old", "xoxe-old", expiresIn);
		InstallBrowser.InstallPage page = openInstallPage();
		assertThat(redirect("code-a", page.state(), page.cookie()).statusCode()).isEqualTo(200);
	}

	/** What time does to the installed token: it expires. */
	private void expireToken() throws Exception {
		Bot expired = this.installations.findBot(null, TEAM_A);
		expired.setBotTokenExpiresAt(System.currentTimeMillis() - 1_000);
		this.installations.saveBot(expired);
	}

}
