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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
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
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.processes.RedisSentinel;

/**
 * Scopecut on a real Redis Sentinel set-up (one master, one replica, three sentinels):
 * two instances, as two Spring contexts in this JVM, configured only through Spring
 * Boot's own {@code SPRING_DATA_REDIS_SENTINEL_MASTER} and
 * {@code SPRING_DATA_REDIS_SENTINEL_NODES}, serving two workspaces installed through "Add
 * to Slack". A whole cut runs over both; the master killed with SIGKILL mid-flood loses
 * no acknowledged vote, and the jobs and decisions go on on the promoted replica, each
 * decision posted once. Run by {@code ./mvnw -B -Pcluster test} (and by {@code .ci/run}).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class RedisSentinelTests {

	static final String FLOODED = "T0000FLOOD";

	static final String QUIET = "T0000QUIET";

	static final String UNCONFIRMED = "No replica confirmed a write";

	static RedisSentinel sentinel;

	static FakeSlack slack;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startSentinelsAndTwoInstances() {
		sentinel = RedisSentinel.start();
		slack = FakeSlack.start();
		Map<String, String> environment = Map.of("SPRING_DATA_REDIS_SENTINEL_MASTER", RedisSentinel.MASTER,
				"SPRING_DATA_REDIS_SENTINEL_NODES", sentinel.sentinelNodes());
		a = Instances.start(slack, environment);
		b = Instances.start(slack, environment);
		for (String team : List.of(FLOODED, QUIET)) {
			new InstallBrowser(Instances.port(a)).install(slack, team, "xoxb-" + team);
		}
	}

	@AfterAll
	static void stopEverything() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { b, a }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (slack != null) {
			slack.close();
		}
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Test
	@Order(1)
	void aWholeCutRunsOverTwoInstancesThroughTheSentinels() {
		String cut = startCut(slack, a, QUIET, "Sentinel plan: one; two");
		for (int u = 0; u < 4; u++) {
			assertThat(vote(slack, (u % 2 == 0) ? a : b, QUIET, cut, "U00000S" + u, 1 + u % 2, "s-vote-" + u))
				.startsWith("You voted");
		}
		assertThat(text(requests(b).post(SignedRequests.slashCommand(QUIET, channel(QUIET), ANN,
				"close " + cut + " force", slack.responseUrl("s-close")))))
			.startsWith("Closed `" + cut + "`");

		await("no job of the cut left").atMost(PATIENCE).until(() -> jobsOf(QUIET, cut).isEmpty());
		assertThat(decisions(slack, channel(QUIET), "Sentinel plan")).hasSize(1);
		assertThat(health(a).statusCode()).isEqualTo(200);
	}

	/**
	 * WAIT 1 goes on the connection that wrote the vote: with the replica suspended it
	 * finds no replica that has the vote, which a WAIT on another connection (one that
	 * wrote nothing) would not notice. The vote is acknowledged all the same, and said;
	 * the next is not held up waiting again.
	 */
	@Test
	@Order(2)
	void aVoteWaitsForTheReplicaAndIsStillAcknowledgedWhenTheReplicaDoesNotAnswer(CapturedOutput output) {
		String cut = startCut(slack, a, QUIET, "Replica plan: one; two");
		assertThat(vote(slack, a, QUIET, cut, "U0000REP1", 1, "replica-1")).startsWith("You voted");
		assertThat(output.getAll()).doesNotContain(UNCONFIRMED);

		int replica = sentinel.replica();
		sentinel.suspend(replica);
		try {
			assertThat(vote(slack, a, QUIET, cut, "U0000REP2", 1, "replica-2")).startsWith("You voted");
			assertThat(vote(slack, a, QUIET, cut, "U0000REP3", 2, "replica-3")).startsWith("You voted");
			assertThat(output.getAll().split(UNCONFIRMED, -1)).as("said once, then not waited for a while").hasSize(2);
		}
		finally {
			sentinel.resume(replica);
		}
	}

	/**
	 * What WAIT 1 costs a vote: an instance with it (the default here) and one without,
	 * flooded in turn with the same clicks, several rounds each. The figures are printed
	 * for BENCHMARKS.md, not asserted; every click is acknowledged and stored either way.
	 */
	@Test
	@Order(3)
	void whatWaitingForTheReplicaCostsAVoteIsMeasuredAgainstAnInstanceThatDoesNot() {
		ConfigurableApplicationContext unwaited = Instances.start(slack,
				Map.of("SPRING_DATA_REDIS_SENTINEL_MASTER", RedisSentinel.MASTER, "SPRING_DATA_REDIS_SENTINEL_NODES",
						sentinel.sentinelNodes(), "SCOPECUT_WAIT_FOR_REPLICA", "false"));
		try {
			AckTimes.Ballot ballot = new AckTimes.Ballot(QUIET,
					startCut(slack, a, QUIET, "Cost plan: one; two; three"));
			AckTimes waited = new AckTimes("WAIT 1 after each vote", 4, Duration.ofSeconds(3));
			AckTimes not = new AckTimes("no WAIT", 4, Duration.ofSeconds(3));
			for (int round = 0; round < 4; round++) {
				not.flood(List.of(unwaited), List.of(ballot), "n" + round);
				waited.flood(List.of(a), List.of(ballot), "w" + round);
			}
			System.out.println("Redis Sentinel, one replica: " + waited + "; " + not);

			Map<String, String> stored = onMaster((redis) -> redis.hgetall(ballot.votesKey()));
			assertThat(stored).containsAllEntriesOf(waited.fields(ballot)).containsAllEntriesOf(not.fields(ballot));
		}
		finally {
			unwaited.close();
		}
	}

	/**
	 * SIGKILL to the master while votes flood in over both instances, and a cut of the
	 * other workspace closed while the sentinels fail over. Every click is answered
	 * privately (none with a bare 5xx: the installations are served from memory
	 * meanwhile); every acknowledged vote is on the promoted replica; the refreshes and
	 * both decisions run there, each decision posted once. The failover gap is printed,
	 * not asserted (BENCHMARKS.md).
	 */
	@Test
	@Order(4)
	void theMasterKilledMidFloodLosesNoAcknowledgedVoteAndJobsRunOnThePromotedReplica() {
		String flooded = startCut(slack, a, FLOODED, "Flood plan: one; two; three");
		String quiet = startCut(slack, b, QUIET, "Failover plan: one; two");
		int master = sentinel.master();

		VoteFlood flood = VoteFlood.run(slack, List.of(a, b), FLOODED, flooded, 3, () -> {
			long killed = System.nanoTime();
			sentinel.kill(master);
			await("the replica promoted").atMost(PATIENCE).until(() -> sentinel.master() != master);
			System.out.printf("Redis Sentinel: the replica was promoted %d ms after the SIGKILL%n",
					(System.nanoTime() - killed) / 1_000_000);
			// Tried until saved, as a facilitator clicks again after "not saved".
			await("the close during the failover, once answered").atMost(PATIENCE)
				.until(() -> text(requests(a).post(SignedRequests.slashCommand(QUIET, channel(QUIET), ANN,
						"close " + quiet + " force", slack.responseUrl("failover-close"))))
					.startsWith("Closed `" + quiet + "`"));
		});
		System.out.println(flood.report("Redis Sentinel"));

		assertThat(sentinel.master()).isNotEqualTo(master);
		assertThat(flood.votes()).allSatisfy((vote) -> {
			assertThat(vote.status()).as("HTTP status of %s", vote).isEqualTo(200);
			assertThat(vote.reply()).as("private reply to %s", vote).isNotNull();
		});
		Map<String, String> stored = onMaster((redis) -> redis.hgetall("scopecut:{" + FLOODED + "}:votes:" + flooded));
		assertThat(stored).containsAllEntriesOf(
				flood.recordedVotes().stream().collect(Collectors.toMap(VoteFlood.Vote::field, (vote) -> "S")));

		int shown = updates(slack, channel(FLOODED));
		assertThat(vote(slack, b, FLOODED, flooded, "U0000LAST", 1, "after-failover")).startsWith("You voted");
		await("a refresh after the failover").atMost(PATIENCE).until(() -> updates(slack, channel(FLOODED)) > shown);
		assertThat(text(requests(b).post(SignedRequests.slashCommand(FLOODED, channel(FLOODED), ANN,
				"close " + flooded + " force", slack.responseUrl("flood-close")))))
			.startsWith("Closed `" + flooded + "`");
		await("no job of the flooded cut left").atMost(PATIENCE).until(() -> jobsOf(FLOODED, flooded).isEmpty());
		await("no job of the cut closed during the failover left").atMost(PATIENCE)
			.until(() -> jobsOf(QUIET, quiet).isEmpty());
		assertThat(decisions(slack, channel(FLOODED), "Flood plan")).hasSize(1);
		assertThat(decisions(slack, channel(QUIET), "Failover plan")).hasSize(1);
	}

	/** Reads from the master the sentinels name now. */
	private static <T> T onMaster(Function<RedisCommands<String, String>, T> read) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", sentinel.master()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return read.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	/** The cut's jobs waiting in its workspace's queue ("KIND|team|cut…"). */
	private static List<String> jobsOf(String team, String cut) {
		return onMaster((redis) -> redis.zrange("scopecut:{" + team + "}:jobs", 0, -1)).stream()
			.filter((job) -> job.contains("|" + team + "|" + cut))
			.toList();
	}

}
