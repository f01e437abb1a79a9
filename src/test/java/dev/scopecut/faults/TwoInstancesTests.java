package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.ScopecutApplication;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.RedisProcess;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Two instances of the app, as two Spring contexts in this JVM, behind one imaginary load
 * balancer: one Redis, one Slack. Votes spread over both give exact tallies, the cut's
 * message is refreshed by one stream, at most once a second, whichever instance runs it,
 * and a close on one instance while votes reach the other posts one decision.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoInstancesTests {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	static final Duration VOTING = Duration.ofSeconds(4);

	static final String CHANNEL = "C0000PLAN";

	static final String ANN = "U0000ANN";

	static final List<String> ITEMS = List.of("alpha", "bravo", "charlie", "delta", "echo");

	static final int THREADS = 6;

	static final int USERS_PER_THREAD = 2;

	static RedisProcess redis;

	static FakeSlack slack;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static RedisReads redisReads;

	/** One click and the instance it went to; its private reply comes to replyId. */
	record Click(String replyId, String user, int item, String choice, int status) {

		String field() {
			return this.item + ":" + this.user;
		}

	}

	private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	private final ExecutorService closers = Executors.newFixedThreadPool(2);

	@BeforeAll
	static void startTwoInstances() {
		redis = RedisProcess.start();
		slack = FakeSlack.start();
		a = instance();
		b = instance();
		redisReads = new RedisReads(redis);
	}

	@AfterAll
	static void stopEverything() {
		redisReads.close();
		b.close();
		a.close();
		slack.close();
		redis.close();
	}

	@AfterEach
	void stopPools() {
		this.pool.shutdownNow();
		this.closers.shutdownNow();
	}

	@Test
	void votesSpreadOverBothInstancesGiveExactTalliesShownByOneRefreshStream(CapturedOutput output) throws Exception {
		String cutId = startCut(requests(a), "Spread: " + String.join("; ", ITEMS));
		String ts = messageTs(cutId);
		Map<String, String> lastChoice = new ConcurrentHashMap<>();
		AtomicInteger throughA = new AtomicInteger();
		AtomicInteger throughB = new AtomicInteger();
		long start = System.currentTimeMillis();
		List<Future<List<Click>>> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			List<String> users = users(t);
			threads.add(this.pool.submit(() -> {
				List<Click> clicks = new ArrayList<>();
				while (System.currentTimeMillis() - start < VOTING.toMillis()) {
					boolean toA = ThreadLocalRandom.current().nextBoolean();
					Click click = click(requests(toA ? a : b), cutId, users, "spread-" + clicks.size());
					(toA ? throughA : throughB).incrementAndGet();
					clicks.add(click);
					lastChoice.put(click.field(), click.choice());
				}
				return clicks;
			}));
		}
		List<Click> clicks = new ArrayList<>();
		for (Future<List<Click>> thread : threads) {
			clicks.addAll(thread.get());
		}

		assertThat(clicks).extracting(Click::status).containsOnly(200);
		assertThat(throughA.get()).isPositive();
		assertThat(throughB.get()).isPositive();
		assertThat(redisReads.votes(cutId)).isEqualTo(new HashMap<>(lastChoice));
		Map<Integer, String> expected = Tallies.of(lastChoice, ITEMS.size());
		await("the final counts shown").atMost(PATIENCE)
			.untilAsserted(() -> assertThat(Tallies.shown(last(updates(ts)))).isEqualTo(expected));
		// Nothing left to refresh: the updates seen are all there will be.
		await("no refresh left").atMost(PATIENCE)
			.until(() -> redisReads.jobs(cutId)
				.equals(List.of("REMIND|" + FakeSlack.TEAM + "|" + cutId, "CLOSE|" + FakeSlack.TEAM + "|" + cutId)));
		List<FakeSlack.Call> updates = updates(ts);
		assertThat(updates).as("updates while votes came for %s", VOTING).hasSizeGreaterThanOrEqualTo(3);
		assertThat(Tallies.shown(last(updates))).isEqualTo(expected);
		assertSpacedAtLeastASecondApart(updates);
		long seconds = (last(updates).atMillis() - start) / 1000 + 1;
		assertThat(updates.size()).as("updates in %d s", seconds).isLessThanOrEqualTo((int) seconds + 1);
		Secrets.assertNoneIn(output.getAll(), "the two instances' output");
	}

	@Test
	void aCloseThroughOneInstanceWhileVotesFlowThroughTheOtherPostsOneDecision(CapturedOutput output) throws Exception {
		String cutId = startCut(requests(b), "Race: " + String.join("; ", ITEMS));
		String ts = messageTs(cutId);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger sent = new AtomicInteger();
		List<Future<List<Click>>> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			List<String> users = users(t);
			threads.add(this.pool.submit(() -> {
				List<Click> clicks = new ArrayList<>();
				while (!stop.get()) {
					clicks.add(click(requests(b), cutId, users, "race-" + clicks.size()));
					sent.incrementAndGet();
				}
				return clicks;
			}));
		}
		await("votes flowing").atMost(PATIENCE).until(() -> sent.get() >= 200);
		Future<HttpResponse<String>> closeOnA = this.closers
			.submit(() -> requests(a).click(CHANNEL, ANN, "close", cutId, slack.responseUrl("close-" + cutId)));
		Future<HttpResponse<String>> closeOnB = this.closers
			.submit(() -> requests(b).command(CHANNEL, ANN, "close " + cutId + " force", slack.responseUrl("unused")));
		assertThat(closeOnA.get().statusCode()).isEqualTo(200);
		assertThat(closeOnB.get().statusCode()).isEqualTo(200);
		int sentAtClose = sent.get();
		await("votes after the close").atMost(PATIENCE).until(() -> sent.get() >= sentAtClose + 100);
		stop.set(true);
		List<Click> clicks = new ArrayList<>();
		for (Future<List<Click>> thread : threads) {
			clicks.addAll(thread.get());
		}

		assertThat(clicks).extracting(Click::status).containsOnly(200);
		String closeReply = slack
			.await("response_url", (call) -> call.param("url").endsWith("/close-" + cutId), PATIENCE)
			.json()
			.get("text")
			.getAsString();
		String closeAck = JsonParser.parseString(closeOnB.get().body()).getAsJsonObject().get("text").getAsString();
		assertThat(List.of(closeReply, closeAck)).containsExactlyInAnyOrder(
				"Closed `" + cutId + "`: the decision is posted in the channel.", "`" + cutId + "` is already closed.");

		// Every vote was answered: confirmed before the close, refused after it.
		await("a private reply to every vote").atMost(PATIENCE).until(() -> replies(cutId).size() == clicks.size());
		Map<String, String> replies = replies(cutId);
		Map<String, String> confirmed = new HashMap<>();
		for (Click click : clicks) {
			String reply = replies.get(click.replyId());
			if (reply.startsWith("This cut is closed")) {
				continue;
			}
			assertThat(reply).as("reply to %s", click).matches("You voted.*|You changed.*|Your vote on .* stays .*");
			confirmed.put(click.field(), click.choice());
		}
		assertThat(replies.values()).anyMatch((reply) -> reply.startsWith("This cut is closed"));
		Map<String, String> votes = redisReads.votes(cutId);
		assertThat(votes).as("the last vote each voter had confirmed").isEqualTo(confirmed);

		await("no job left").atMost(PATIENCE).until(() -> redisReads.jobs(cutId).isEmpty());
		List<FakeSlack.Call> decisions = slack.calls("chat.postMessage")
			.stream()
			.filter((post) -> post.param("text").startsWith("Scope cut: Race — "))
			.filter((post) -> post.param("text").contains("\nship now "))
			.toList();
		assertThat(decisions).hasSize(1);
		assertThat(JsonParser.parseString(decisions.get(0).param("blocks")).toString())
			.contains(Tallies.results(votes, ITEMS));
		List<FakeSlack.Call> updates = updates(ts);
		assertThat(JsonParser.parseString(last(updates).param("blocks")).toString()).contains("*Closed*")
			.contains(Tallies.results(votes, ITEMS));
		assertSpacedAtLeastASecondApart(updates);
		Secrets.assertNoneIn(output.getAll(), "the two instances' output");
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(ScopecutApplication.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--scopecut.slack.api-url=" + slack.apiUrl(),
				"--scopecut.slack.signing-secret=" + Secrets.SIGNING_SECRET,
				"--scopecut.slack.bot-token=" + Secrets.BOT_TOKEN,
				// Every click confirmed on its own, at once: each voter
				// clicks again only once answered.
				"--scopecut.confirmations.burst=0ms");
	}

	private static SignedRequests requests(ConfigurableApplicationContext instance) {
		return new SignedRequests(((WebServerApplicationContext) instance).getWebServer().getPort(),
				Secrets.SIGNING_SECRET);
	}

	private static String startCut(SignedRequests requests, String text) {
		int before = slack.calls("chat.postMessage").size();
		requests.command(CHANNEL, ANN, text, slack.responseUrl("start"));
		return slack
			.await("chat.postMessage", (call) -> slack.calls("chat.postMessage").indexOf(call) >= before, PATIENCE)
			.param("blocks")
			.replaceAll("(?s).*ID `(\\w+)`.*", "$1");
	}

	private static String messageTs(String cutId) {
		await("the message posted").atMost(PATIENCE).until(() -> redisReads.cut(cutId, "ts") != null);
		return redisReads.cut(cutId, "ts");
	}

	private static List<String> users(int thread) {
		List<String> users = new ArrayList<>();
		for (int u = 0; u < USERS_PER_THREAD; u++) {
			users.add("U%02d%05d".formatted(thread, u));
		}
		return users;
	}

	/**
	 * A random vote by one of the thread's own users, returning once its private answer
	 * has come, as a person clicks again only then. The reply id names the cut, so
	 * replies can be told apart by cut.
	 */
	private static Click click(SignedRequests requests, String cutId, List<String> users, String n) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String user = users.get(random.nextInt(users.size()));
		int item = random.nextInt(1, ITEMS.size() + 1);
		String choice = random.nextBoolean() ? "S" : "D";
		String replyId = cutId + "-" + user + "-" + n;
		int status = requests
			.click(CHANNEL, user, choice.equals("S") ? "vote-ship" : "vote-defer", cutId + "|" + item + "|" + choice,
					slack.responseUrl(replyId))
			.statusCode();
		if (status == 200) {
			slack.await("response_url", (reply) -> reply.param("url").endsWith("/" + replyId), PATIENCE);
		}
		return new Click(replyId, user, item, choice, status);
	}

	private static Map<String, String> replies(String cutId) {
		Map<String, String> replies = new HashMap<>();
		slack.calls("response_url").forEach((reply) -> {
			String id = reply.param("url").substring(reply.param("url").lastIndexOf('/') + 1);
			if (id.startsWith(cutId + "-U")) {
				replies.put(id, reply.json().get("text").getAsString());
			}
		});
		return replies;
	}

	private static List<FakeSlack.Call> updates(String ts) {
		return slack.calls("chat.update").stream().filter((update) -> ts.equals(update.param("ts"))).toList();
	}

	private static FakeSlack.Call last(List<FakeSlack.Call> calls) {
		assertThat(calls).isNotEmpty();
		return calls.get(calls.size() - 1);
	}

	private static void assertSpacedAtLeastASecondApart(List<FakeSlack.Call> updates) {
		for (int i = 1; i < updates.size(); i++) {
			assertThat(updates.get(i).atMillis() - updates.get(i - 1).atMillis()).as("gap before update %d", i)
				.isGreaterThanOrEqualTo(950);
		}
	}

}
