package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.gson.JsonParser;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.TestSettings;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Redis stopped under a running app: every click hears privately that it was not
 * recorded, health reports DOWN, and when Redis returns the app recovers with no restart
 * and no vote half-applied.
 */
@SpringBootTest(classes = ScopecutApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RedisOutageTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final RedisProcess redis = RedisProcess.start(true);

	static final FakeSlack slack = FakeSlack.start();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redisTemplate;

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		TestSettings.register(registry, redis, slack);
	}

	@AfterAll
	static void stop() {
		redis.close();
		slack.close();
	}

	@Test
	void votesDuringAnOutageAreRefusedPlainlyAndTheAppRecoversByItself() throws Exception {
		SignedRequests requests = new SignedRequests(this.port);
		requests.command("C01", "U0ANN", "Outage drill: keep data; lose nothing", slack.responseUrl("start"));
		FakeSlack.Call message = slack.await("chat.postMessage", WAIT);
		String cutId = JsonParser.parseString(message.param("blocks"))
			.toString()
			.replaceAll("(?s).*ID `(\\w+)`.*", "$1");
		requests.click("C01", "U0BOB", "vote-ship", cutId + "|1|S", slack.responseUrl("before"));
		slack.await("response_url", (call) -> call.param("url").endsWith("before"), WAIT);

		redis.stop();
		HttpResponse<String> duringVote = requests.click("C01", "U0BOB", "vote-defer", cutId + "|1|D",
				slack.responseUrl("during"));
		HttpResponse<String> duringCommand = requests.command("C01", "U0ANN", "Another: a; b", slack.responseUrl("x"));
		HttpResponse<String> duringMyVotes = requests.click("C01", "U0BOB", "my-votes", cutId,
				slack.responseUrl("mine-during"));

		assertThat(duringVote.statusCode()).isEqualTo(200);
		FakeSlack.Call notRecorded = slack.await("response_url", (call) -> call.param("url").endsWith("during"), WAIT);
		assertThat(notRecorded.json().get("text").getAsString()).contains("not recorded");
		assertThat(JsonParser.parseString(duringCommand.body()).getAsJsonObject().get("text").getAsString())
			.contains("nothing was saved");
		assertThat(duringMyVotes.statusCode()).isEqualTo(200);
		assertThat(slack.await("response_url", (call) -> call.param("url").endsWith("mine-during"), WAIT)
			.json()
			.get("text")
			.getAsString()).contains("cannot show your votes");
		assertThat(health().statusCode()).isEqualTo(503);

		redis.restart();

		await().atMost(WAIT).until(() -> health().statusCode() == 200);
		await().atMost(WAIT).untilAsserted(() -> {
			requests.click("C01", "U0CAT", "vote-ship", cutId + "|1|S", slack.responseUrl("after"));
			assertThat(slack.await("response_url", (call) -> call.param("url").endsWith("after"), WAIT)
				.json()
				.get("text")
				.getAsString()).startsWith("You voted");
		});
		String votes = "scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId;
		assertThat(this.redisTemplate.opsForHash().entries(votes)).containsOnly(java.util.Map.entry("1:U0BOB", "S"),
				java.util.Map.entry("1:U0CAT", "S"));
		assertThat(health().body()).contains("\"redis\"");
	}

	HttpResponse<String> health() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
