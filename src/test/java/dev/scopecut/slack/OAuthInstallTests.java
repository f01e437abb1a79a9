package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.scopecut.support.MultiWorkspaceTest;
import dev.scopecut.support.SignedRequests;

class OAuthInstallTests extends MultiWorkspaceTest {

	private static final String TEAM_A = "T000000AA";

	@Test
	void theInstallPageOffersAddToSlackWithAStateBoundToTheBrowser() {
		InstallPage page = openInstallPage();

		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).contains("Add to Slack")
			.contains("https://slack.com/oauth/v2/authorize?client_id=" + CLIENT_ID)
			.contains("scope=" + SignedRequests.encode(SlackConfig.BOT_SCOPES));
		assertThat(page.cookie()).isEqualTo(COOKIE + "=" + page.state());
		assertThat(this.redisTemplate.getExpire("scopecut:oauth-state:" + page.state())).isBetween(1L, 600L);
	}

}
