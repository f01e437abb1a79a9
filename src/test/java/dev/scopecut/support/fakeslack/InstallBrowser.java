package dev.scopecut.support.fakeslack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scopecut.support.Http;

/**
 * A browser going through "Add to Slack" on an app in multi-workspace mode: it opens
 * {@code GET /slack/install}, keeps the state cookie, and comes back to
 * {@code GET /slack/oauth_redirect} with a code as Slack would send it.
 */
public final class InstallBrowser {

	public static final String COOKIE = "slack-app-oauth-state";

	private static final Pattern STATE = Pattern.compile("[?&;]state=([A-Za-z0-9-]+)");

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public InstallBrowser(int port) {
		this.port = port;
	}

	/** A visit to the install page, and the state it issued (in its link and cookie). */
	public record InstallPage(HttpResponse<String> response, String state, String cookie) {
	}

	public InstallPage openInstallPage() {
		HttpResponse<String> page = get("/slack/install", null);
		Matcher state = STATE.matcher(page.body());
		assertThat(state.find()).as("the install page links to Slack with a state: %s", page.body()).isTrue();
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(COOKIE + "="))
			.findFirst()
			.map((value) -> value.split(";", 2)[0])
			.orElseThrow(() -> new AssertionError("no state cookie: " + page.headers()));
		return new InstallPage(page, state.group(1), cookie);
	}

	/** Slack sending the browser back with a code, as after "Allow". */
	public HttpResponse<String> redirect(String code, String state, String cookie) {
		return get("/slack/oauth_redirect?code=" + code + "&state=" + state, cookie);
	}

	/** Installs Scopecut in a workspace through the whole OAuth round trip. */
	public void install(FakeSlack slack, String team, String botToken) {
		String code = "code-" + team;
		slack.installCode(code, team, botToken);
		InstallPage page = openInstallPage();
		HttpResponse<String> done = redirect(code, page.state(), page.cookie());
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return Http.send(this.http, request.build());
	}

}
