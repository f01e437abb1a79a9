package dev.scopecut.cluster;

import static dev.scopecut.cluster.Instances.ANN;
import static dev.scopecut.cluster.Instances.PATIENCE;
import static dev.scopecut.cluster.Instances.channel;
import static dev.scopecut.cluster.Instances.decisions;
import static dev.scopecut.cluster.Instances.health;
import static dev.scopecut.cluster.Instances.requests;
import static dev.scopecut.cluster.Instances.startCut;
import static dev.scopecut.cluster.Instances.text;
import static dev.scopecut.cluster.Instances.updates;
import static dev.scopecut.cluster.Instances.vote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.JsonParser;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
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
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.InstallBrowser;
import dev.scopecut.support.processes.RedisCluster;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Scopecut on a real Redis Cluster (three masters, three replicas): two instances, as two
 * Spring contexts in this JVM, configured only through Spring Boot's own
 * {@code SPRING_DATA_REDIS_CLUSTER_NODES}, serving workspaces installed through "Add to
 * Slack". Every step of a cut is whole on its workspace's slot, whichever master the due
 * index's shard is on; an instance of an earlier version's single job queue is taken
 * over; a master killed mid-flood loses no acknowledged vote. Run by
 * {@code ./mvnw -B -Pcluster test} (and by {@code .ci/run}).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class RedisClusterTests {

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
		a = Instances.start(slack, Map.of("SPRING_DATA_REDIS_CLUSTER_NODES", cluster.nodes()));
		b = Instances.start(slack, Map.of("SPRING_DATA_REDIS_CLUSTER_NODES", cluster.nodes()));
		client = RedisClusterClient
			.create(cluster.ports().stream().map((port) -> RedisURI.create("127.0.0.1", port)).toList());
		// The test's own client follows a failover as the app's does.
		client.setOptions(ClusterClientOptions.builder()
			.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
				.enablePeriodicRefresh(Duration.ofSeconds(1))
				.enableAllAdaptiveRefreshTriggers()
				.build())
			.build());
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
			new InstallBrowser(Instances.port(a)).install(slack, team, "xoxb-" + team);
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
			String cut = startCut(slack, starter, team, "Cluster plan " + t + ": one; two; three");
			cuts.add(cut);
			for (int u = 0; u < 6; u++) {
				String reply = vote(slack, (u % 2 == 0) ? a : b, team, cut, "U00000V" + u, 1 + u % 3,
						"vote-" + cut + "-" + u);
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
			assertThat(decisions(slack, channel(team), "Cluster plan " + t)).as("the decision in %s", team).hasSize(1);
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
		String cut = startCut(slack, a, team, "Away plan: one; two");
		int shardMaster = cluster.masterOf(due(team));

		cluster.pause(shardMaster, Duration.ofSeconds(6));
		String reply = vote(slack, b, team, cut, "U0000AWAY", 1, "away-vote-" + cut);
		HttpResponse<String> close = requests(a).post(SignedRequests.slashCommand(team, channel(team), ANN,
				"close " + cut + " force", slack.responseUrl("c")));

		assertThat(reply).startsWith("You voted");
		assertThat(text(close)).startsWith("Closed `" + cut + "`");
		assertThat(commands().hget("scopecut:{" + team + "}:cut:" + cut, "status")).isEqualTo("CLOSED");
		assertThat(commands().zrange(jobs(team), 0, -1)).contains("ANNOUNCE|" + team + "|" + cut);
		await("the decision, once the shard is back").atMost(PATIENCE)
			.until(() -> decisions(slack, channel(team), "Away plan").size() == 1);
		await("no job left").atMost(PATIENCE)
			.untilAsserted(() -> assertThat(commands().zrangeWithScores(jobs(team), 0, -1)).isEmpty());
		assertThat(decisions(slack, channel(team), "Away plan")).hasSize(1);
	}

	/**
	 * A vote whose master is paused is answered privately (its installation served from
	 * memory, so never a bare 503): "not recorded" when the master does not answer in
	 * time, "You voted" when it just does. A paused master may still apply a vote told
	 * "not recorded" once it answers again, as no client can tell a timed-out command
	 * from a lost one; either way the vote lands with its refresh, in one script, and is
	 * shown.
	 */
	@Test
	@Order(3)
	void withTheCutsMasterPausedAVoteIsAnsweredPrivatelyAndLandsWithItsRefreshOrNotAtAll() {
		String team = teamAwayFromItsShard();
		String cut = startCut(slack, a, team, "Down plan: one; two");
		await("the start's refresh done").atMost(PATIENCE)
			.until(() -> commands().zrange(jobs(team), 0, -1)
				.stream()
				.noneMatch((job) -> job.startsWith("REFRESH|") && job.endsWith(cut)));
		int shown = updates(slack, channel(team));

		cluster.pause(cluster.masterOf(jobs(team)), Duration.ofSeconds(4));
		HttpResponse<String> click = requests(b).post(SignedRequests.blockAction(team, channel(team), "U0000DOWN",
				"vote-ship", cut + "|1|S", slack.responseUrl("down-" + cut)));

		assertThat(click.statusCode()).isEqualTo(200);
		String reply = Instances.reply(slack, "down-" + cut, PATIENCE);
		assertThat(reply).satisfiesAnyOf((text) -> assertThat(text).contains("*not recorded*"),
				(text) -> assertThat(text).startsWith("You voted"));
		await("the master back, and no refresh waiting").atMost(PATIENCE)
			.until(() -> commands().zrange(jobs(team), 0, -1).stream().noneMatch((job) -> job.startsWith("REFRESH|")));
		boolean stored = !commands().hgetall("scopecut:{" + team + "}:votes:" + cut).isEmpty();
		if (reply.startsWith("You voted")) {
			assertThat(stored).as("an acknowledged vote stored").isTrue();
		}
		if (stored) {
			assertThat(updates(slack, channel(team))).as("the vote shown").isGreaterThan(shown);
		}
	}

	@Test
	@Order(4)
	void theSingleJobQueueOfAnEarlierVersionIsMovedIntoTheWorkspacesQueuesAtStartUp() {
		String team = teams.get(2);
		String cut = startCut(slack, b, team, "Upgrade plan: one; two");
		await("the start's refresh done").atMost(PATIENCE)
			.until(() -> commands().zrange(jobs(team), 0, -1).stream().noneMatch((job) -> job.startsWith("REFRESH|")));
		int before = updates(slack, channel(team));
		// As an earlier version left it: the cut's jobs in the one queue, and a refresh
		// due.
		List<ScoredValue<String>> old = commands().zrangeWithScores(jobs(team), 0, -1);
		commands().del(jobs(team));
		for (ScoredValue<String> job : old) {
			commands().zadd("scopecut:jobs", job.getScore(), job.getValue());
		}
		commands().zadd("scopecut:jobs", System.currentTimeMillis(), "REFRESH|" + team + "|" + cut);

		ConfigurableApplicationContext upgraded = Instances.start(slack,
				Map.of("SPRING_DATA_REDIS_CLUSTER_NODES", cluster.nodes()));
		try {
			await("the single queue emptied").atMost(PATIENCE).until(() -> commands().exists("scopecut:jobs") == 0);
			await("the refresh run").atMost(PATIENCE).until(() -> updates(slack, channel(team)) > before);
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
	 * WAIT 1 goes to the connection that wrote the vote, the one to its slot's master:
	 * with that master's replica suspended it finds no replica that has the vote (a WAIT
	 * on any other connection would not notice). The vote is acknowledged all the same.
	 */
	@Test
	@Order(5)
	void aVoteWaitsForTheReplicaOfItsSlotsMaster(CapturedOutput output) {
		String team = teams.get(0);
		String cut = startCut(slack, a, team, "Replica plan: one; two");
		assertThat(vote(slack, b, team, cut, "U0000REP1", 1, "replica-1-" + cut)).startsWith("You voted");
		assertThat(output.getAll()).doesNotContain("No replica confirmed");

		int replica = cluster.replicaOf(cluster.masterOf(jobs(team)));
		cluster.suspend(replica);
		try {
			assertThat(vote(slack, b, team, cut, "U0000REP2", 1, "replica-2-" + cut)).startsWith("You voted");
			assertThat(output.getAll()).contains("No replica confirmed a write");
		}
		finally {
			cluster.resume(replica);
		}
	}

	/**
	 * Such an instance would still reach the keys of its node's own slots: it could start
	 * a cut whose jobs it then cannot find. It does not start at all.
	 */
	@Test
	@Order(6)
	void anInstanceForOneServerPointedAtAClusterNodeRefusesToStartAndSaysWhatToSet() {
		assertThatThrownBy(
				() -> Instances.start(slack, Map.of("REDIS_URL", "redis://127.0.0.1:" + cluster.ports().get(0))))
			.hasStackTraceContaining("is a node of a Redis Cluster")
			.hasStackTraceContaining("SPRING_DATA_REDIS_CLUSTER_NODES");
	}

	/**
	 * Last, as a master stays dead: SIGKILL to the master of a workspace's slot while
	 * votes flood in over both instances. Every click is answered privately (none with a
	 * bare 5xx, the installation being served from memory meanwhile), no acknowledged
	 * vote is lost, and the cut's jobs and decision run on the promoted replica, the
	 * decision posted once. The failover gap is printed, not asserted (BENCHMARKS.md).
	 */
	@Test
	@Order(7)
	void aMasterKilledMidFloodLosesNoAcknowledgedVoteAndTheDecisionIsPostedOnce() {
		String team = teams.get(1);
		String cut = startCut(slack, a, team, "Flood plan: one; two; three");
		int master = cluster.masterOf(jobs(team));

		VoteFlood flood = VoteFlood.run(slack, List.of(a, b), team, cut, 3, () -> {
			long killed = System.nanoTime();
			cluster.kill(master);
			await("the replica promoted").atMost(PATIENCE)
				.ignoreExceptions()
				.until(() -> cluster.masterOf(jobs(team)) != master);
			System.out.printf("Redis Cluster: the replica was promoted %d ms after the SIGKILL%n",
					(System.nanoTime() - killed) / 1_000_000);
		});
		System.out.println(flood.report("Redis Cluster"));

		assertThat(flood.votes()).allSatisfy((vote) -> {
			assertThat(vote.status()).as("HTTP status of %s", vote).isEqualTo(200);
			assertThat(vote.reply()).as("private reply to %s", vote).isNotNull();
		});
		await("every acknowledged vote, read from the promoted replica").atMost(PATIENCE)
			.untilAsserted(() -> assertThat(commands().hgetall("scopecut:{" + team + "}:votes:" + cut))
				.containsAllEntriesOf(flood.recordedVotes()
					.stream()
					.collect(Collectors.toMap(VoteFlood.Vote::field, (vote) -> "S"))));
		assertThat(cluster.masterOf(jobs(team))).isNotEqualTo(master);

		await("the close, once answered").atMost(PATIENCE)
			.until(() -> text(requests(b).post(SignedRequests.slashCommand(team, channel(team), ANN,
					"close " + cut + " force", slack.responseUrl("flood-close"))))
				.startsWith("Closed `" + cut + "`"));
		await("no job left").atMost(PATIENCE)
			.untilAsserted(() -> assertThat(commands().zrangeWithScores(jobs(team), 0, -1)).isEmpty());
		assertThat(decisions(slack, channel(team), "Flood plan")).hasSize(1);
	}

	/** A workspace whose cuts and due-index shard are on two different masters. */
	private static String teamAwayFromItsShard() {
		return teams.stream()
			.filter((team) -> cluster.masterOf(jobs(team)) != cluster.masterOf(due(team)))
			.findFirst()
			.orElseThrow();
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
