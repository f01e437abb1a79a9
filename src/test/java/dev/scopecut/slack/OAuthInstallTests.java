package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.scopecut.support.FakeSlack;
import dev.scopecut.support.InstallBrowser;
import dev.scopecut.support.MultiWorkspaceTest;
import dev.scopecut.support.SignedRequests;

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
	void aRotatingTokenAboutToExpireIsRefreshedByBoltOnTheNextRequestAndSaved() {
		slack.installCode("code-a", TEAM_A, "xoxb-old", "xoxe-old", 60);
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-new", "xoxe-new", 43_200);
		InstallBrowser.InstallPage page = openInstallPage();
		assertThat(redirect("code-a", page.state(), page.cookie()).statusCode()).isEqualTo(200);
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
		slack.installCode("code-a", TEAM_A, "xoxb-old", "xoxe-old", 60);
		slack.refreshGrant("xoxe-old", TEAM_A, "xoxb-new", "xoxe-new", 43_200);
		InstallBrowser.InstallPage page = openInstallPage();
		assertThat(redirect("code-a", page.state(), page.cookie()).statusCode()).isEqualTo(200);
		Bot expired = this.installations.findBot(null, TEAM_A);
		expired.setBotTokenExpiresAt(System.currentTimeMillis() - 1_000);
		this.installations.saveBot(expired);

		assertThat(this.workspaceTokens.botToken(TEAM_A)).isEqualTo("xoxb-new");
		assertThat(this.workspaceTokens.botToken(TEAM_A)).as("saved: no second refresh").isEqualTo("xoxb-new");

		assertThat(slack.calls("oauth.v2.access")).filteredOn((call) -> call.param("refresh_token") != null)
			.singleElement()
			.satisfies((call) -> assertThat(call.param("refresh_token")).isEqualTo("xoxe-old"));
		assertThat(this.installations.findBot(null, TEAM_A).getBotRefreshToken()).isEqualTo("xoxe-new");
	}

}
