package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.TestSettings;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Redis (append-only, fsync always) stopped and started again while votes keep coming,
 * with no app restart: a click during the outage is either told privately that it was not
 * recorded or was recorded; a vote confirmed to its voter is in Redis afterwards; nothing
 * is half-applied; and the app serves on as soon as Redis is back.
 */
// Every click confirmed on its own, at once: the test reads each click's reply.
@SpringBootTest(classes = ScopecutApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "scopecut.confirmations.burst=0ms")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class RedisRestartDuringTrafficTests {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	/**
	 * A refresh claimed just before Redis went away stays leased for 30 s
	 * ({@code DueJobPoller.LEASE}) before it is run again.
	 */
	static final Duration LEASE_THEN_PATIENCE = Duration.ofSeconds(30).plus(PATIENCE);

	static final String CHANNEL = "C0000PLAN";

	static final int ITEMS = 5;

	static final int THREADS = 4;

	static final int USERS_PER_THREAD = 3;

	/** Clicks to see answered in each phase: before, during and after the outage. */
	static final int CLICKS_PER_PHASE = 40;

	static final RedisProcess redis = RedisProcess.start(true);

	static final FakeSlack slack = FakeSlack.start();

	/**
	 * One click: what was sent, its HTTP status (-1: no answer), when it was sent and how
	 * long its answer took.
	 */
	record Click(String replyId, String user, int item, String choice, int status, long sentAt, long millis) {

		String field() {
			return this.item + ":" + this.user;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redisTemplate;

	private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	private final AtomicBoolean stop = new AtomicBoolean();

	private final List<Click> sent = Collections.synchronizedList(new ArrayList<>());

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		TestSettings.register(registry, redis, slack, Secrets.SIGNING_SECRET, Secrets.BOT_TOKEN);
	}

	@AfterEach
	void stopTraffic() {
		this.stop.set(true);
		this.pool.shutdownNow();
	}

	@AfterAll
	static void stopServers() {
		redis.close();
		slack.close();
	}

	@Test
	void votesConfirmedAroundARedisRestartAreKeptAndTheAppServesOnWithoutARestart(CapturedOutput output)
			throws Exception {
		SignedRequests requests = new SignedRequests(this.port, Secrets.SIGNING_SECRET);
		requests.command(CHANNEL, "U0000ANN", "Outage: alpha; bravo; charlie; delta; echo", slack.responseUrl("start"));
		String cutId = slack.await("chat.postMessage", PATIENCE)
			.param("blocks")
			.replaceAll("(?s).*ID `(\\w+)`.*", "$1");
		List<Future<?>> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			List<String> users = new ArrayList<>();
			for (int u = 0; u < USERS_PER_THREAD; u++) {
				users.add("U%02d%05d".formatted(t, u));
			}
			int thread = t;
			threads.add(this.pool.submit(() -> traffic(requests, cutId, thread, users)));
		}

		await("votes confirmed before the outage").atMost(PATIENCE).until(() -> confirmedSince(0) >= CLICKS_PER_PHASE);
		redis.stop();
		long stoppedAt = System.nanoTime();
		await("votes refused during the outage").atMost(PATIENCE)
			.until(() -> notRecordedSince(stoppedAt) >= CLICKS_PER_PHASE);
		assertThat(health()).isEqualTo(503);
		redis.restart();
		long restartedAt = System.nanoTime();
		await("health UP again").atMost(PATIENCE).until(() -> health() == 200);
		await("votes confirmed after the outage").atMost(PATIENCE)
			.until(() -> confirmedSince(restartedAt) >= CLICKS_PER_PHASE);
		this.stop.set(true);
		for (Future<?> thread : threads) {
			thread.get();
		}

		List<Click> clicks = List.copyOf(this.sent);
		assertThat(clicks).extracting(Click::status).as("every click acknowledged").containsOnly(200);
		assertThat(clicks).extracting(Click::millis)
			.as("acknowledged well inside Slack's 3 s")
			.allMatch((millis) -> millis < 3000);
		await("a private reply to every click").atMost(PATIENCE)
			.until(() -> slack.calls("response_url").size() >= clicks.size());
		Map<String, String> replies = new HashMap<>();
		for (FakeSlack.Call reply : slack.calls("response_url")) {
			String id = reply.param("url").substring(reply.param("url").lastIndexOf('/') + 1);
			assertThat(replies.put(id, reply.json().get("text").getAsString())).as("an earlier reply to %s", id)
				.isNull();
		}
		for (Click click : clicks) {
			assertThat(replies.get(click.replyId())).as("reply to %s", click)
				.matches((text) -> confirmed(text) || notRecorded(text), "a confirmation or a plain refusal");
		}

		Map<String, String> stored = votes(cutId);
		Map<String, List<Click>> byField = new HashMap<>();
		clicks.forEach((click) -> byField.computeIfAbsent(click.field(), (field) -> new ArrayList<>()).add(click));
		byField.forEach((field, fieldClicks) -> {
			Optional<Integer> lastConfirmed = lastConfirmed(fieldClicks, replies);
			// A user's clicks went one after another: the last one confirmed, or one
			// refused after it whose write reached Redis though its answer did not.
			lastConfirmed.ifPresent((last) -> assertThat(stored.get(field)).as("vote %s", field)
				.isIn(fieldClicks.subList(last, fieldClicks.size()).stream().map(Click::choice).toList()));
		});
		assertThat(stored.keySet()).as("no vote nobody sent").isSubsetOf(byField.keySet());
		stored.forEach((field, choice) -> assertThat(byField.get(field)).extracting(Click::choice)
			.as("choices sent for %s", field)
			.contains(choice));

		long version = Long.parseLong((String) this.redisTemplate.opsForHash()
			.get("scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId, "version"));
		long confirmedChanges = clicks.stream()
			.map((click) -> replies.get(click.replyId()))
			.filter((text) -> text.startsWith("You voted") || text.startsWith("You changed"))
			.count();
		long possibleChanges = clicks.stream()
			.filter((click) -> !replies.get(click.replyId()).startsWith("Your vote on"))
			.count();
		assertThat(version).as("changes counted: each stored vote came with one, each confirmed change too")
			.isGreaterThanOrEqualTo(stored.size())
			.isGreaterThanOrEqualTo(confirmedChanges)
			.isLessThanOrEqualTo(possibleChanges);

		String ts = (String) this.redisTemplate.opsForHash()
			.get("scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId, "ts");
		Map<Integer, String> expected = Tallies.of(stored, ITEMS);
		await("the final counts shown").atMost(LEASE_THEN_PATIENCE).untilAsserted(() -> {
			List<FakeSlack.Call> updates = slack.calls("chat.update")
				.stream()
				.filter((update) -> ts.equals(update.param("ts")))
				.toList();
			assertThat(updates).isNotEmpty();
			assertThat(Tallies.shown(updates.get(updates.size() - 1))).isEqualTo(expected);
		});
		Secrets.assertNoneIn(output.getAll(), "the app's output through the outage");
	}

	/**
	 * Clicks until stopped, for users of its own, each click once the last one's private
	 * answer has come, as a person clicks: a user's clicks are one after another, and
	 * answers do not pile up faster than Slack would see clicks.
	 */
	private Void traffic(SignedRequests requests, String cutId, int thread, List<String> users) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int n = 0; !this.stop.get(); n++) {
			String user = users.get(random.nextInt(users.size()));
			int item = random.nextInt(1, ITEMS + 1);
			String choice = random.nextBoolean() ? "S" : "D";
			String replyId = "t" + thread + "-" + n;
			long sentAt = System.nanoTime();
			int status;
			try {
				status = requests
					.click(CHANNEL, user, choice.equals("S") ? "vote-ship" : "vote-defer",
							cutId + "|" + item + "|" + choice, slack.responseUrl(replyId))
					.statusCode();
			}
			catch (RuntimeException ex) {
				status = -1;
			}
			this.sent.add(new Click(replyId, user, item, choice, status, sentAt,
					Duration.ofNanos(System.nanoTime() - sentAt).toMillis()));
			if (status == 200) {
				slack.await("response_url", (reply) -> reply.param("url").endsWith("/" + replyId), PATIENCE);
			}
		}
		return null;
	}

	private long confirmedSince(long nanos) {
		return repliesToClicksSentSince(nanos).stream().filter(RedisRestartDuringTrafficTests::confirmed).count();
	}

	private long notRecordedSince(long nanos) {
		return repliesToClicksSentSince(nanos).stream().filter(RedisRestartDuringTrafficTests::notRecorded).count();
	}

	private List<String> repliesToClicksSentSince(long nanos) {
		Map<String, String> replies = new HashMap<>();
		slack.calls("response_url")
			.forEach((reply) -> replies.put(reply.param("url").substring(reply.param("url").lastIndexOf('/') + 1),
					reply.json().get("text").getAsString()));
		synchronized (this.sent) {
			return this.sent.stream()
				.filter((click) -> click.sentAt() >= nanos && replies.containsKey(click.replyId()))
				.map((click) -> replies.get(click.replyId()))
				.toList();
		}
	}

	private static Optional<Integer> lastConfirmed(List<Click> clicks, Map<String, String> replies) {
		for (int i = clicks.size() - 1; i >= 0; i--) {
			if (confirmed(replies.get(clicks.get(i).replyId()))) {
				return Optional.of(i);
			}
		}
		return Optional.empty();
	}

	private static boolean confirmed(String reply) {
		return reply.startsWith("You voted") || reply.startsWith("You changed")
				|| (reply.startsWith("Your vote on") && reply.contains(" stays "));
	}

	private static boolean notRecorded(String reply) {
		return reply.contains("*not recorded*") && reply.contains("cannot reach its store");
	}

	private Map<String, String> votes(String cutId) {
		Map<String, String> votes = new HashMap<>();
		this.redisTemplate.opsForHash()
			.entries("scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId)
			.forEach((field, choice) -> votes.put(field.toString(), choice.toString()));
		return votes;
	}

	private int health() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
