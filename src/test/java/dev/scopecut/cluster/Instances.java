package dev.scopecut.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.Http;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Scopecut instances as Spring contexts in the test's JVM, in multi-workspace mode
 * against one fake Slack, each configured as an operator configures it: through
 * environment variables ({@code SPRING_DATA_REDIS_CLUSTER_NODES}, {@code REDIS_URL}…),
 * bound by Spring Boot as it binds the real environment. And what the tests of Scopecut
 * on Redis Cluster and Sentinel do to them: start a cut, vote, read the decisions posted.
 */
final class Instances {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String ANN = "U0000ANN";

	static final String SECRET = "cluster-signing-secret";

	private Instances() {
	}

	/** An instance with these environment variables, as well as the process's own. */
	static ConfigurableApplicationContext start(FakeSlack slack, Map<String, String> environment) {
		StandardEnvironment spring = new StandardEnvironment();
		// Named as the real environment's source is, so that Boot maps its names
		// the same way: SPRING_DATA_REDIS_SENTINEL_NODES to
		// spring.data.redis.sentinel.nodes, and so on.
		spring.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(
					"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
		return new SpringApplicationBuilder(ScopecutApplication.class).environment(spring)
			.run("--server.port=0", "--scopecut.slack.api-url=" + slack.apiUrl(),
					"--scopecut.slack.signing-secret=" + SECRET, "--scopecut.slack.client-id=1234.5678",
					"--scopecut.slack.client-secret=cluster-client-secret",
					"--management.endpoint.health.show-details=always",
					// Every click confirmed on its own, at once: the flood reads each
					// click's reply.
					"--scopecut.confirmations.burst=0ms");
	}

	static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	static SignedRequests requests(ConfigurableApplicationContext instance) {
		return new SignedRequests(port(instance), SECRET);
	}

	/** Starts a cut with a quick start, and returns its id once its message is posted. */
	static String startCut(FakeSlack slack, ConfigurableApplicationContext instance, String team, String text) {
		String channel = channel(team);
		int before = slack.calls("chat.postMessage").size();
		requests(instance).post(SignedRequests.slashCommand(team, channel, ANN, text, slack.responseUrl("start")));
		return slack
			.await("chat.postMessage",
					(call) -> slack.calls("chat.postMessage").indexOf(call) >= before
							&& channel.equals(call.param("channel")),
					PATIENCE)
			.param("blocks")
			.replaceAll("(?s).*ID `(\\w+)`.*", "$1");
	}

	/** A Ship click, and the private reply it got. */
	static String vote(FakeSlack slack, ConfigurableApplicationContext instance, String team, String cut, String user,
			int item, String replyId) {
		requests(instance).post(SignedRequests.blockAction(team, channel(team), user, "vote-ship",
				cut + "|" + item + "|S", slack.responseUrl(replyId)));
		return reply(slack, replyId, PATIENCE);
	}

	/** The text of the private reply posted to the response URL of this id. */
	static String reply(FakeSlack slack, String replyId, Duration patience) {
		return slack.await("response_url", (call) -> call.param("url").endsWith("/" + replyId), patience)
			.json()
			.get("text")
			.getAsString();
	}

	/** The decisions of the cut of this title posted in the channel. */
	static List<FakeSlack.Call> decisions(FakeSlack slack, String channel, String title) {
		return slack.calls("chat.postMessage")
			.stream()
			.filter((post) -> channel.equals(post.param("channel")))
			.filter((post) -> post.param("text").startsWith("Scope cut: " + title + " — ")
					&& post.param("text").contains("\nship now "))
			.toList();
	}

	static int updates(FakeSlack slack, String channel) {
		return (int) slack.calls("chat.update")
			.stream()
			.filter((call) -> channel.equals(call.param("channel")))
			.count();
	}

	static HttpResponse<String> health(ConfigurableApplicationContext instance) {
		return Http.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + "/actuator/health")).build());
	}

	static String text(HttpResponse<String> response) {
		return JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
	}

	static String channel(String team) {
		return "C" + team.substring(1);
	}

}
