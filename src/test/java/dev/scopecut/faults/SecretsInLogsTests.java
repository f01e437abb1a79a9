package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.InstallBrowser;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * No secret in any log line, at any level: the app runs with everything at DEBUG, Bolt
 * and the Slack client included, through the paths that log the most (start-up, forged
 * requests, a Redis outage, a 429 from Slack, a close); its whole output is searched for
 * the signing secret, the bot token, and the verification token in request bodies.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	static final String CHANNEL = "C0000PLAN";

	static final String ANN = "U0000ANN";

	static final String BOB = "U0000BOB";

	static RedisProcess redis;

	static FakeSlack slack;

	private ConfigurableApplicationContext app;

	@BeforeAll
	static void startServers() {
		redis = RedisProcess.start(true);
		slack = FakeSlack.start();
	}

	@AfterAll
	static void stopServers() {
		slack.close();
		redis.close();
	}

	@AfterEach
	void stopAppAndQuietLogs() {
		if (this.app != null) {
			this.app.close();
		}
		slack.reset();
		// Levels are JVM-wide: give the test classes that run next their usual ones.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
		logging.setLogLevel("com.slack.api", null);
	}

	@Test
	void noSecretIsLoggedAtDebugThroughForgedRequestsARedisOutageAndA429(CapturedOutput output) throws Exception {
		this.app = new SpringApplicationBuilder(ScopecutApplication.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--scopecut.slack.api-url=" + slack.apiUrl(),
				"--scopecut.slack.signing-secret=" + Secrets.SIGNING_SECRET,
				"--scopecut.slack.bot-token=" + Secrets.BOT_TOKEN, "--logging.level.root=DEBUG",
				"--logging.level.com.slack.api=DEBUG");
		int port = ((WebServerApplicationContext) this.app).getWebServer().getPort();
		SignedRequests requests = new SignedRequests(port, Secrets.SIGNING_SECRET);

		requests.post(Secrets.withVerificationToken(SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, ANN,
				"Secrets: alpha; bravo", slack.responseUrl("start"))));
		String cutId = slack.await("chat.postMessage", PATIENCE)
			.param("blocks")
			.replaceAll("(?s).*ID `(\\w+)`.*", "$1");
		slack.rateLimit("chat.update", 1, 1);
		vote(requests, cutId, 1, "before", "You voted");
		FakeSlack.Call limited = slack.await("chat.update", PATIENCE);
		slack.await("chat.update", (call) -> call != limited, PATIENCE);

		String click = Secrets.withVerificationToken(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, BOB,
				"vote-ship", cutId + "|2|S", slack.responseUrl("forged")));
		String now = Long.toString(System.currentTimeMillis() / 1000);
		String form = "application/x-www-form-urlencoded";
		assertThat(new SignedRequests(port, "sig-guessed").post(click).statusCode()).isEqualTo(401);
		assertThat(requests.send(click + "&x=1", now, SignedRequests.sign(Secrets.SIGNING_SECRET, now, click), form)
			.statusCode()).isEqualTo(401);
		String stale = Long.toString(System.currentTimeMillis() / 1000 - 600);
		assertThat(requests.send(click, stale, SignedRequests.sign(Secrets.SIGNING_SECRET, stale, click), form)
			.statusCode()).isEqualTo(401);
		assertThat(requests.send(click, null, null, form).statusCode()).isEqualTo(401);

		redis.stop();
		vote(requests, cutId, 2, "during", "Your vote was *not recorded*");
		assertThat(health(port)).isEqualTo(503);
		redis.restart();
		await("health UP again").atMost(PATIENCE).until(() -> health(port) == 200);
		// Health checks its own connection: the votes' one may take a moment longer.
		AtomicInteger attempt = new AtomicInteger();
		await("a vote recorded again").atMost(PATIENCE)
			.untilAsserted(() -> vote(requests, cutId, 2, "after-" + attempt.incrementAndGet(), "You voted"));

		requests.post(Secrets.withVerificationToken(
				SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, ANN, "close", cutId, slack.responseUrl("close"))));
		slack.await("chat.postMessage", (call) -> call.param("text").contains("\nship now "), PATIENCE);
		slack.await("chat.update", (call) -> call.param("blocks").contains("*Closed*"), PATIENCE);
		this.app.close();

		String logged = output.getAll();
		assertThat(logged).as("the run logged at DEBUG, Slack's client included")
			.contains(" DEBUG ")
			.contains("com.slack.api.bolt.App")
			.contains("DetailedLoggingListener");
		assertThat(logged).as("the paths meant to be covered were logged")
			.contains("rate limited (429)")
			.contains("Vote not recorded");
		Secrets.assertNoneIn(logged, "the app's output at DEBUG");
	}

	@Test
	void noSecretIsLoggedAtDebugThroughAnAddToSlackInstallAndTheInstalledWorkspacesRequests(CapturedOutput output) {
		this.app = new SpringApplicationBuilder(ScopecutApplication.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--scopecut.slack.api-url=" + slack.apiUrl(),
				"--scopecut.slack.signing-secret=" + Secrets.SIGNING_SECRET, "--scopecut.slack.bot-token=",
				"--scopecut.slack.client-id=1234.5678", "--scopecut.slack.client-secret=" + Secrets.CLIENT_SECRET,
				"--logging.level.root=DEBUG", "--logging.level.com.slack.api=DEBUG");
		int port = ((WebServerApplicationContext) this.app).getWebServer().getPort();
		SignedRequests requests = new SignedRequests(port, Secrets.SIGNING_SECRET);
		InstallBrowser browser = new InstallBrowser(port);
		slack.reset();

		browser.install(slack, "T0000SECRET", Secrets.INSTALLED_BOT_TOKEN);
		InstallBrowser.InstallPage page = browser.openInstallPage();
		assertThat(browser.redirect("code-T0000SECRET", page.state(), "wrong=cookie").statusCode()).isEqualTo(400);
		requests.post(Secrets.withVerificationToken(SignedRequests.slashCommand("T0000SECRET", CHANNEL, ANN,
				"Secrets: alpha; bravo", slack.responseUrl("installed"))));
		assertThat(slack.await("chat.postMessage", PATIENCE).token()).isEqualTo(Secrets.INSTALLED_BOT_TOKEN);
		// The client secret goes to Slack in a Basic Authorization header: base64 too.
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("1234.5678:" + Secrets.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(slack.await("oauth.v2.access", PATIENCE).authorization()).isEqualTo(basic);
		this.app.close();

		String logged = output.getAll();
		assertThat(logged).as("the run logged at DEBUG").contains(" DEBUG ").contains("oauth.v2.access");
		Secrets.assertNoneIn(logged, "the app's output at DEBUG in multi-workspace mode");
		assertThat(logged).doesNotContain(basic.substring("Basic ".length()));
	}

	/** Bob votes Ship on an item and is told privately what became of it. */
	private static void vote(SignedRequests requests, String cutId, int item, String replyId, String expectedReply) {
		HttpResponse<String> response = requests
			.post(Secrets.withVerificationToken(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, BOB, "vote-ship",
					cutId + "|" + item + "|S", slack.responseUrl(replyId))));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(slack.await("response_url", (call) -> call.param("url").endsWith("/" + replyId), PATIENCE)
			.json()
			.get("text")
			.getAsString()).startsWith(expectedReply);
	}

	private static int health(int port) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
