package dev.scopecut.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParser;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.Http;
import dev.scopecut.support.fakeslack.InstallBrowser;
import dev.scopecut.support.processes.RedisCluster;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Scopecut on a real Redis Cluster (three masters, three replicas): two instances, as two
 * Spring contexts in this JVM, configured only through Spring Boot's own
 * {@code spring.data.redis.cluster.nodes}, serving workspaces installed through "Add to
 * Slack". Every step of a cut is whole on its workspace's slot, whichever master the due
 * index's shard is on, and an instance of an earlier version's single job queue is taken
 * over. Run by {@code ./mvnw -B -Pcluster test} (and by {@code .ci/run}).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class RedisClusterTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String ANN = "U0000ANN";

	static final String SECRET = "cluster-signing-secret";

	static RedisCluster cluster;

	static FakeSlack slack;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static RedisClusterClient client;

	static StatefulRedisClusterConnection<String, String> connection;

	/** Three workspaces whose cuts are on three different masters. */
	static List<String> teams;

	@BeforeAll
	static void startClusterAndTwoInstances() {
		cluster = RedisCluster.start();
		slack = FakeSlack.start();
		a = instance("--spring.data.redis.cluster.nodes=" + cluster.nodes());
		b = instance("--spring.data.redis.cluster.nodes=" + cluster.nodes());
		client = RedisClusterClient
			.create(cluster.ports().stream().map((port) -> RedisURI.create("127.0.0.1", port)).toList());
		connection = client.connect();
		teams = new ArrayList<>();
		List<Integer> masters = new ArrayList<>();
		for (int i = 0; teams.size() < 3; i++) {
			String team = "T%07dC".formatted(i);
			int master = cluster.masterOf(jobs(team));
			if (!masters.contains(master)) {
				masters.add(master);
				teams.add(team);
			}
		}
		for (String team : teams) {
			new InstallBrowser(port(a)).install(slack, team, "xoxb-" + team);
		}
	}

	@AfterAll
	static void stopEverything() {
		if (connection != null) {
			connection.close();
			client.shutdown();
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { b, a }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (slack != null) {
			slack.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void aWholeCutInEachOfThreeWorkspacesRunsOverTwoInstancesWithEveryStepOnItsSlot(CapturedOutput output) {
		List<String> cuts = new ArrayList<>();
		for (int t = 0; t < teams.size(); t++) {
			String team = teams.get(t);
			ConfigurableApplicationContext starter = (t % 2 == 0) ? a : b;
			String cut = start(starter, team, channel(team), "Cluster plan " + t + ": one; two; three");
			cuts.add(cut);
			for (int u = 0; u < 6; u++) {
				String reply = vote((u % 2 == 0) ? a : b, team, cut, "U00000V" + u, 1 + u % 3, "vote-" + cut + "-" + u);
				assertThat(reply).startsWith("You voted");
			}
			HttpResponse<String> close = requests((t % 2 == 0) ? b : a).post(SignedRequests.slashCommand(team,
					channel(team), ANN, "close " + cut + " force", slack.responseUrl("c")));
			assertThat(text(close)).startsWith("Closed `" + cut + "`");
		}

		for (int t = 0; t < teams.size(); t++) {
			String team = teams.get(t);
			await("no job left in " + team).atMost(PATIENCE)
				.untilAsserted(() -> assertThat(commands().zrangeWithScores(jobs(team), 0, -1)).isEmpty());
			assertThat(decisions(channel(team), "Cluster plan " + t)).as("the decision in %s", team).hasSize(1);
			assertThat(commands().hget("scopecut:{" + team + "}:cut:" + cuts.get(t), "status")).isEqualTo("CLOSED");
		}
		assertThat(output.getAll()).doesNotContain("CROSSSLOT").doesNotContain("MOVED");
		HttpResponse<String> health = health(a);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonParser.parseString(health.body())
			.getAsJsonObject()
			.getAsJsonObject("components")
			.getAsJsonObject("redisTopology")
			.toString()).contains("\"UP\"").contains("\"cluster\"");
	}

	@Test
	@Order(2)
	void withTheDueIndexsMasterAwayAVoteAndACloseAreSavedWithTheirJobsAndTheDecisionFollowsOnItsReturn() {
		String team = teamAwayFromItsShard();
		String cut = start(a, team, channel(team), "Away plan: one; two");
		int shardMaster = cluster.masterOf(due(team));

		cluster.pause(shardMaster, Duration.ofSeconds(6));
		String reply = vote(b, team, cut, "U0000AWAY", 1, "away-vote-" + cut);
		HttpResponse<String> close = requests(a).post(SignedRequests.slashCommand(team, channel(team), ANN,
				"close " + cut + " force", slack.responseUrl("c")));

		assertThat(reply).startsWith("You voted");
		assertThat(text(close)).startsWith("Closed `" + cut + "`");
		assertThat(commands().hget("scopecut:{" + team + "}:cut:" + cut, "status")).isEqualTo("CLOSED");
		assertThat(commands().zrange(jobs(team), 0, -1)).contains("ANNOUNCE|" + team + "|" + cut);
		await("the decision, once the shard is back").atMost(PATIENCE)
			.until(() -> decisions(channel(team), "Away plan").size() == 1);
		await("no job left").atMost(PATIENCE)
			.untilAsserted(() -> assertThat(commands().zrangeWithScores(jobs(team), 0, -1)).isEmpty());
		assertThat(decisions(channel(team), "Away plan")).hasSize(1);
	}

	@Test
	@Order(3)
	void withTheCutsMasterAwayAVoteLeavesNeitherTheVoteNorItsRefreshBehind() {
		String team = teamAwayFromItsShard();
		String cut = start(a, team, channel(team), "Down plan: one; two");
		await("the start's refresh done").atMost(PATIENCE)
			.until(() -> commands().zrange(jobs(team), 0, -1)
				.stream()
				.noneMatch((job) -> job.startsWith("REFRESH|") && job.endsWith(cut)));

		cluster.pause(cluster.masterOf(jobs(team)), Duration.ofSeconds(4));
		requests(b).post(SignedRequests.blockAction(team, channel(team), "U0000DOWN", "vote-ship", cut + "|1|S",
				slack.responseUrl("down-" + cut)));

		await().pollDelay(Duration.ofSeconds(5)).atMost(PATIENCE).until(() -> true);
		assertThat(commands().hgetall("scopecut:{" + team + "}:votes:" + cut)).isEmpty();
		assertThat(commands().zrange(jobs(team), 0, -1)).noneMatch((job) -> job.startsWith("REFRESH|"));
	}

	@Test
	@Order(4)
	void theSingleJobQueueOfAnEarlierVersionIsMovedIntoTheWorkspacesQueuesAtStartUp() {
		String team = teams.get(2);
		String cut = start(b, team, channel(team), "Upgrade plan: one; two");
		await("the start's refresh done").atMost(PATIENCE)
			.until(() -> commands().zrange(jobs(team), 0, -1).stream().noneMatch((job) -> job.startsWith("REFRESH|")));
		int before = updates(channel(team));
		// As an earlier version left it: the cut's jobs in the one queue, and a refresh
		// due.
		List<ScoredValue<String>> old = commands().zrangeWithScores(jobs(team), 0, -1);
		commands().del(jobs(team));
		for (ScoredValue<String> job : old) {
			commands().zadd("scopecut:jobs", job.getScore(), job.getValue());
		}
		commands().zadd("scopecut:jobs", System.currentTimeMillis(), "REFRESH|" + team + "|" + cut);

		ConfigurableApplicationContext upgraded = instance("--spring.data.redis.cluster.nodes=" + cluster.nodes());
		try {
			await("the single queue emptied").atMost(PATIENCE).until(() -> commands().exists("scopecut:jobs") == 0);
			await("the refresh run").atMost(PATIENCE).until(() -> updates(channel(team)) > before);
			Map<String, Double> scores = new java.util.HashMap<>();
			commands().zrangeWithScores(jobs(team), 0, -1).forEach((job) -> scores.put(job.getValue(), job.getScore()));
			for (ScoredValue<String> job : old) {
				assertThat(scores).containsEntry(job.getValue(), job.getScore());
			}
		}
		finally {
			upgraded.close();
		}
	}

	/**
	 * Last: such an instance still reaches the keys of its node's own slots, and may
	 * claim jobs it then cannot finish.
	 */
	@Test
	@Order(5)
	void aClientForOneServerPointedAtAClusterNodeReportsDown() {
		ConfigurableApplicationContext wrong = instance(
				"--spring.data.redis.url=redis://127.0.0.1:" + cluster.ports().get(0));
		try {
			HttpResponse<String> health = health(wrong);
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(JsonParser.parseString(health.body())
				.getAsJsonObject()
				.getAsJsonObject("components")
				.getAsJsonObject("redisTopology")
				.toString()).contains("\"DOWN\"").contains("SPRING_DATA_REDIS_CLUSTER_NODES");
		}
		finally {
			wrong.close();
		}
	}

	/** A workspace whose cuts and due-index shard are on two different masters. */
	private static String teamAwayFromItsShard() {
		return teams.stream()
			.filter((team) -> cluster.masterOf(jobs(team)) != cluster.masterOf(due(team)))
			.findFirst()
			.orElseThrow();
	}

	private static ConfigurableApplicationContext instance(String redis) {
		return new SpringApplicationBuilder(ScopecutApplication.class).run("--server.port=0", redis,
				"--scopecut.slack.api-url=" + slack.apiUrl(), "--scopecut.slack.signing-secret=" + SECRET,
				"--scopecut.slack.client-id=1234.5678", "--scopecut.slack.client-secret=cluster-client-secret",
				"--management.endpoint.health.show-details=always");
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static SignedRequests requests(ConfigurableApplicationContext instance) {
		return new SignedRequests(port(instance), SECRET);
	}

	private static String start(ConfigurableApplicationContext instance, String team, String channel, String text) {
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

	private static String vote(ConfigurableApplicationContext instance, String team, String cut, String user, int item,
			String replyId) {
		requests(instance).post(SignedRequests.blockAction(team, channel(team), user, "vote-ship",
				cut + "|" + item + "|S", slack.responseUrl(replyId)));
		return slack.await("response_url", (call) -> call.param("url").endsWith("/" + replyId), PATIENCE)
			.json()
			.get("text")
			.getAsString();
	}

	private static List<FakeSlack.Call> decisions(String channel, String title) {
		return slack.calls("chat.postMessage")
			.stream()
			.filter((post) -> channel.equals(post.param("channel")))
			.filter((post) -> post.param("text").startsWith("Scope cut: " + title + " — ")
					&& post.param("text").contains("\nship now "))
			.toList();
	}

	private static int updates(String channel) {
		return (int) slack.calls("chat.update")
			.stream()
			.filter((call) -> channel.equals(call.param("channel")))
			.count();
	}

	private static HttpResponse<String> health(ConfigurableApplicationContext instance) {
		return Http.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + "/actuator/health")).build());
	}

	private static String text(HttpResponse<String> response) {
		return JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
	}

	private static String channel(String team) {
		return "C" + team.substring(1);
	}

	private static String jobs(String team) {
		return "scopecut:{" + team + "}:jobs";
	}

	private static String due(String team) {
		return "scopecut:{due-" + Math.floorMod(team.hashCode(), 16) + "}:workspaces";
	}

	private static RedisAdvancedClusterCommands<String, String> commands() {
		return connection.sync();
	}

}
