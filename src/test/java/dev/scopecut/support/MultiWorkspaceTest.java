package dev.scopecut.support;

import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.scopecut.support.fakeslack.InstallBrowser;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * The whole app in multi-workspace mode (a client id and secret, no bot token): each
 * workspace installs it through {@code GET /slack/install} and
 * {@code GET /slack/oauth_redirect}, answered by the fake Slack's
 * {@code oauth.v2.access}. The app's clock is {@link #clock}, which a test may move on
 * (past a deadline) once it has sent its last signed request.
 */
@Import(MultiWorkspaceTest.ShiftedClockConfig.class)
public abstract class MultiWorkspaceTest extends EndToEndBase {

	protected static final ShiftedClock clock = new ShiftedClock();

	public static final String CLIENT_ID = "1234.5678";

	public static final String CLIENT_SECRET = "client-secret-for-tests";

	public static final String COOKIE = InstallBrowser.COOKIE;

	protected InstallBrowser browser;

	@DynamicPropertySource
	static void multiWorkspace(DynamicPropertyRegistry registry) {
		TestSettings.register(registry, redis, slack, SignedRequests.SECRET, "");
		registry.add("scopecut.slack.client-id", () -> CLIENT_ID);
		registry.add("scopecut.slack.client-secret", () -> CLIENT_SECRET);
	}

	@BeforeEach
	void browser() {
		this.browser = new InstallBrowser(this.port);
	}

	@AfterEach
	void clockBack() {
		clock.reset();
	}

	protected InstallBrowser.InstallPage openInstallPage() {
		return this.browser.openInstallPage();
	}

	protected HttpResponse<String> redirect(String code, String state, String cookie) {
		return this.browser.redirect(code, state, cookie);
	}

	protected void install(String team, String botToken) {
		this.browser.install(slack, team, botToken);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ShiftedClockConfig {

		@Bean
		@Primary
		Clock shiftedClock() {
			return clock;
		}

	}

}
