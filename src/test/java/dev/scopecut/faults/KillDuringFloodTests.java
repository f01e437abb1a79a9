package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.AppProcess;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * The app process killed with SIGKILL in the middle of a flood of votes, then started
 * again on the same Redis: a vote that was acknowledged was stored, because it is stored
 * before the acknowledgement, and the message catches up, because its refresh jobs live
 * in Redis rather than in the dead process.
 */
class KillDuringFloodTests {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	/**
	 * A refresh the killed process had claimed stays leased to it for 30 s
	 * ({@code DueJobPoller.LEASE}) before another process may run it.
	 */
	static final Duration LEASE_THEN_PATIENCE = Duration.ofSeconds(30).plus(PATIENCE);

	static final String CHANNEL = "C0000PLAN";

	static final String ANN = "U0000ANN";

	static final int ITEMS = 5;

	static final int THREADS = 6;

	static final int USERS_PER_THREAD = 4;

	static final int ACKNOWLEDGED_BEFORE_KILL = 400;

	/** One click of the flood: what was sent and what came back (-1: no answer). */
	record Click(String user, int item, String choice, int status, long answeredAt) {

		String field() {
			return this.item + ":" + this.user;
		}

		boolean acknowledged() {
			return this.status == 200;
		}

	}

	private final RedisProcess redis = RedisProcess.start();

	private final FakeSlack slack = FakeSlack.start();

	private final List<AppProcess> apps = new ArrayList<>();

	private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stopEverything() {
		this.pool.shutdownNow();
		this.apps.forEach(AppProcess::close);
		this.slack.close();
		this.redis.close();
	}

	@Test
	void everyAcknowledgedVoteSurvivesASigkillMidFloodAndTheNextProcessShowsTheFinalCounts() throws Exception {
		AppProcess first = start("kill-during-flood-first");
		SignedRequests requests = new SignedRequests(first.port(), Secrets.SIGNING_SECRET);
		requests.post(Secrets.withVerificationToken(SignedRequests.slashCommand(FakeSlack.TEAM, CHANNEL, ANN,
				"Flood: alpha; bravo; charlie; delta; echo", this.slack.responseUrl("start"))));
		FakeSlack.Call message = this.slack.await("chat.postMessage", PATIENCE);
		String cutId = message.param("blocks").replaceAll("(?s).*ID `(\\w+)`.*", "$1");
		// A 429 and a forged request, so the logs checked at the end cover those too.
		this.slack.rateLimit("chat.update", 1, 1);
		assertThat(new SignedRequests(first.port(), "not-the-secret")
			.click(CHANNEL, ANN, "vote-ship", cutId + "|1|S", this.slack.responseUrl("forged"))
			.statusCode()).isEqualTo(401);

		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger acknowledged = new AtomicInteger();
		List<Future<List<Click>>> floods = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			List<String> users = new ArrayList<>();
			for (int u = 0; u < USERS_PER_THREAD; u++) {
				users.add("U%02d%05d".formatted(t, u));
			}
			floods.add(this.pool.submit(() -> flood(requests, cutId, users, stop, acknowledged)));
		}
		await("clicks acknowledged before the kill").atMost(PATIENCE)
			.until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_KILL);
		long killedAt = System.nanoTime();
		int exit = first.kill();
		stop.set(true);
		List<Click> clicks = new ArrayList<>();
		for (Future<List<Click>> flood : floods) {
			clicks.addAll(flood.get());
		}

		assertThat(exit).as("exit code of a SIGKILL").isEqualTo(137);
		assertThat(ProcessHandle.of(first.pid()).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(clicks.stream().filter((click) -> click.answeredAt() < killedAt))
			.as("clicks answered before the kill")
			.allMatch(Click::acknowledged);
		assertThat(clicks.stream().filter((click) -> !click.acknowledged())).as("clicks the kill cut off").isNotEmpty();

		AppProcess second = start("kill-during-flood-second");
		try (RedisReads redisReads = new RedisReads(this.redis)) {
			Map<String, String> stored = redisReads.votes(cutId);
			Map<String, List<Click>> byField = new HashMap<>();
			clicks.forEach((click) -> byField.computeIfAbsent(click.field(), (field) -> new ArrayList<>()).add(click));
			for (Map.Entry<String, List<Click>> field : byField.entrySet()) {
				List<Click> sent = field.getValue();
				int lastAcknowledged = lastAcknowledged(sent);
				if (lastAcknowledged >= 0) {
					// A user's clicks went one after another: Redis holds the last
					// acknowledged one, or one sent after it that the kill cut off.
					assertThat(stored.get(field.getKey())).as("vote %s after %s", field.getKey(), sent)
						.isIn(sent.subList(lastAcknowledged, sent.size()).stream().map(Click::choice).toList());
				}
			}
			assertThat(stored.keySet()).as("no vote nobody sent").isSubsetOf(byField.keySet());
			stored.forEach((field, choice) -> assertThat(byField.get(field)).extracting(Click::choice)
				.as("choices sent for %s", field)
				.contains(choice));

			String ts = redisReads.cut(cutId, "ts");
			Map<Integer, String> expected = Tallies.of(stored, ITEMS);
			await("the final counts shown").atMost(LEASE_THEN_PATIENCE).untilAsserted(() -> {
				List<FakeSlack.Call> updates = this.slack.calls("chat.update")
					.stream()
					.filter((update) -> ts.equals(update.param("ts")))
					.toList();
				assertThat(updates).isNotEmpty();
				assertThat(Tallies.shown(updates.get(updates.size() - 1))).isEqualTo(expected);
			});
		}
		Secrets.assertNoneIn(first.output(), first.log().toString());
		Secrets.assertNoneIn(second.output(), second.log().toString());
	}

	private AppProcess start(String name) {
		AppProcess app = AppProcess.scopecut(name, this.redis, this.slack.apiUrl(), Secrets.environment());
		this.apps.add(app);
		return app;
	}

	/**
	 * Clicks as fast as answers come, for a few users of its own, until stopped; a user's
	 * clicks are therefore one after another.
	 */
	private List<Click> flood(SignedRequests requests, String cutId, List<String> users, AtomicBoolean stop,
			AtomicInteger acknowledged) {
		List<Click> clicks = new ArrayList<>();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (!stop.get()) {
			String user = users.get(random.nextInt(users.size()));
			int item = random.nextInt(1, ITEMS + 1);
			String choice = random.nextBoolean() ? "S" : "D";
			int status;
			try {
				HttpResponse<String> response = requests
					.post(Secrets.withVerificationToken(SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, user,
							choice.equals("S") ? "vote-ship" : "vote-defer", cutId + "|" + item + "|" + choice,
							this.slack.responseUrl("flood"))));
				status = response.statusCode();
			}
			catch (RuntimeException ex) {
				status = -1;
			}
			clicks.add(new Click(user, item, choice, status, System.nanoTime()));
			if (status == 200) {
				acknowledged.incrementAndGet();
			}
		}
		return clicks;
	}

	private static int lastAcknowledged(List<Click> sent) {
		for (int i = sent.size() - 1; i >= 0; i--) {
			if (sent.get(i).acknowledged()) {
				return i;
			}
		}
		return -1;
	}

}
