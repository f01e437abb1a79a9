package dev.scopecut.cluster;

import static dev.scopecut.cluster.Instances.startCut;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.InstallBrowser;
import dev.scopecut.support.processes.RedisCluster;

/**
 * Votes acknowledged per second on a real Redis Cluster (three masters, three replicas):
 * one Scopecut instance, two taking the clicks in turn as behind a load balancer, and one
 * instance with {@code SCOPECUT_WAIT_FOR_REPLICA=false}, flooded in turn in the same run
 * over six workspaces, two on each master. The figures are printed for BENCHMARKS.md, not
 * asserted: the instances are Spring contexts in this JVM on the same cores as the load
 * and the Redis processes, so two instances show that they work together and what a
 * second costs, not that they scale out. What is asserted is that every acknowledged vote
 * is stored. Run by {@code ./mvnw -B -Pcluster test}, not by {@code ./mvnw -B test}.
 */
@Tag("cluster-throughput")
class RedisClusterThroughputTests {

	private static final int WORKSPACES_PER_MASTER = 2;

	private static final int CONNECTIONS = 8;

	private static final Duration ROUND = Duration.ofSeconds(5);

	private static final int ROUNDS = 4;

	static RedisCluster cluster;

	static FakeSlack slack;

	/** Waiting for a replica after each vote, as shipped with a cluster. */
	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static ConfigurableApplicationContext unwaited;

	static RedisClusterClient client;

	static StatefulRedisClusterConnection<String, String> connection;

	@BeforeAll
	static void startClusterAndThreeInstances() {
		cluster = RedisCluster.start();
		slack = FakeSlack.start();
		// The floods' private replies go to a closed port (AckTimes): not a warning each.
		Map<String, String> environment = Map.of("SPRING_DATA_REDIS_CLUSTER_NODES", cluster.nodes(),
				"LOGGING_LEVEL_DEV_SCOPECUT_SLACK_OUTBOUND", "ERROR");
		a = Instances.start(slack, environment);
		b = Instances.start(slack, environment);
		Map<String, String> withoutWait = new HashMap<>(environment);
		withoutWait.put("SCOPECUT_WAIT_FOR_REPLICA", "false");
		unwaited = Instances.start(slack, withoutWait);
		client = RedisClusterClient
			.create(cluster.ports().stream().map((port) -> RedisURI.create("127.0.0.1", port)).toList());
		connection = client.connect();
	}

	@AfterAll
	static void stopEverything() {
		if (connection != null) {
			connection.close();
			client.shutdown();
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { unwaited, b, a }) {
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
	void votesPerSecondWithOneAndTwoInstancesAndWithoutWaitAreMeasuredAndEveryAcknowledgedVoteIsStored() {
		List<AckTimes.Ballot> ballots = new ArrayList<>();
		for (String team : workspacesSpreadOverTheMasters()) {
			new InstallBrowser(Instances.port(a)).install(slack, team, "xoxb-" + team);
			ballots.add(new AckTimes.Ballot(team, startCut(slack, a, team, "Throughput plan: one; two; three")));
		}
		// Every instance's code compiled before anything is counted.
		AckTimes warmUp = new AckTimes("warm-up", CONNECTIONS, ROUND);
		warmUp.flood(List.of(a, b, unwaited), ballots, "wu");

		AckTimes one = new AckTimes("one instance", CONNECTIONS, ROUND);
		AckTimes two = new AckTimes("two instances, round-robin", CONNECTIONS, ROUND);
		AckTimes noWait = new AckTimes("one instance without WAIT 1", CONNECTIONS, ROUND);
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		for (int round = 0; round < ROUNDS; round++) {
			String tag = Integer.toString(round);
			// Each takes its turn first, so that none always follows the same one.
			List<Runnable> turns = List.of(() -> one.flood(List.of(a), ballots, "o" + tag),
					() -> two.flood(List.of(a, b), ballots, "t" + tag),
					() -> noWait.flood(List.of(unwaited), ballots, "n" + tag));
			for (int turn = 0; turn < turns.size(); turn++) {
				turns.get((round + turn) % turns.size()).run();
			}
		}
		System.out.println(
				"Redis Cluster, %d workspaces over 3 masters, %d connections, %d rounds of %d s each, load average %.1f then %.1f: %s; %s; %s"
					.formatted(ballots.size(), CONNECTIONS, ROUNDS, ROUND.toSeconds(), loadBefore,
							ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), one, two, noWait));

		for (AckTimes.Ballot ballot : ballots) {
			Map<String, String> acknowledged = new HashMap<>();
			for (AckTimes times : List.of(warmUp, one, two, noWait)) {
				acknowledged.putAll(times.fields(ballot));
			}
			assertThat(acknowledged).as("votes acknowledged in %s", ballot).isNotEmpty();
			assertThat(connection.sync().hgetall(ballot.votesKey())).as("votes stored in %s", ballot)
				.containsAllEntriesOf(acknowledged);
		}
	}

	/** Workspaces whose keys are on each master in equal numbers. */
	private static List<String> workspacesSpreadOverTheMasters() {
		Map<Integer, Integer> onMaster = new HashMap<>();
		List<String> teams = new ArrayList<>();
		for (int i = 0; teams.size() < 3 * WORKSPACES_PER_MASTER; i++) {
			String team = "T%07dR".formatted(i);
			int master = cluster.masterOf("{" + team + "}");
			if (onMaster.merge(master, 1, Integer::sum) <= WORKSPACES_PER_MASTER) {
				teams.add(team);
			}
		}
		return teams;
	}

}
