package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Slack may deliver one request more than once: here every click and the close arrive
 * three times at once, the identical signed body each time, twice more with the
 * {@code X-Slack-Retry-Num} header a redelivery carries. Each still counts once.
 */
class DuplicateDeliveryTests extends EndToEndTest {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	static final List<String> ITEMS = List.of("alpha", "bravo", "charlie", "delta", "echo");

	static final int USERS = 10;

	static final int CLICKS_PER_USER = 8;

	static final String FORM = "application/x-www-form-urlencoded";

	/** One click as its user made it, and whether it changed their vote on the item. */
	record Click(String replyId, String user, int item, String choice, boolean changes) {
	}

	private final ExecutorService users = Executors.newFixedThreadPool(USERS);

	private final ExecutorService deliveries = Executors.newFixedThreadPool(3 * USERS);

	@AfterEach
	void stopPools() {
		this.users.shutdownNow();
		this.deliveries.shutdownNow();
	}

	@Test
	void everyClickAndTheCloseDeliveredThreeTimesCountOnce() throws Exception {
		FakeSlack.Call message = startCut("Duplicates: " + String.join("; ", ITEMS));
		String cutId = voteValues(message).get(0).split("\\|")[0];
		Queue<Click> clicks = new ConcurrentLinkedQueue<>();
		Map<String, String> lastChoice = new ConcurrentHashMap<>();
		List<Future<?>> voters = new ArrayList<>();
		for (int u = 0; u < USERS; u++) {
			String user = "U%07d".formatted(u);
			voters.add(this.users.submit(() -> vote(user, cutId, clicks, lastChoice)));
		}
		for (Future<?> voter : voters) {
			voter.get();
		}

		List<HttpResponse<String>> closes = deliverThreeTimes(
				SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, ANN, "close", cutId, slack.responseUrl("close")));

		assertThat(closes).extracting(HttpResponse::statusCode).containsOnly(200);
		await("a private reply to every delivery").atMost(PATIENCE)
			.until(() -> slack.calls("response_url").size() == 3 * clicks.size() + 3);
		for (Click click : clicks) {
			List<String> replies = replies(click.replyId());
			assertThat(replies).as("replies to %s", click).allMatch((text) -> applied(text) || stays(text));
			assertThat(replies.stream().filter(DuplicateDeliveryTests::applied)).as("votes applied by %s", click)
				.hasSize(click.changes() ? 1 : 0);
		}
		assertThat(replies("close")).containsExactlyInAnyOrder(
				"Closed `" + cutId + "`: the decision is posted in the channel.", "`" + cutId + "` is already closed.",
				"`" + cutId + "` is already closed.");

		String cutKey = "scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId;
		Map<Object, Object> votes = this.redisTemplate.opsForHash()
			.entries("scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId);
		assertThat(votes).isEqualTo(new HashMap<Object, Object>(lastChoice));
		long changes = clicks.stream().filter(Click::changes).count();
		assertThat(this.redisTemplate.opsForHash().get(cutKey, "version")).as("one version per change, one for close")
			.isEqualTo(Long.toString(changes + 1));

		// With the job queue empty nothing more will be posted.
		await("an empty job queue").atMost(PATIENCE)
			.until(() -> this.redisTemplate.opsForZSet().zCard("scopecut:{" + FakeSlack.TEAM + "}:jobs") == 0);
		List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
		assertThat(posts).as("the cut's message, then one decision").hasSize(2);
		assertThat(JsonParser.parseString(posts.get(1).param("blocks")).toString())
			.contains(Tallies.results(votes, ITEMS));
		List<FakeSlack.Call> updates = slack.calls("chat.update");
		FakeSlack.Call last = updates.get(updates.size() - 1);
		assertThat(blocks(last)).contains("*Closed* · " + USERS + " voted").contains(Tallies.results(votes, ITEMS));
	}

	/**
	 * One voter's clicks, one after another; each is delivered three times at once and
	 * answered before the next.
	 */
	private Void vote(String user, String cutId, Queue<Click> clicks, Map<String, String> lastChoice) throws Exception {
		Map<Integer, String> mine = new HashMap<>();
		for (int n = 0; n < CLICKS_PER_USER; n++) {
			int item = ThreadLocalRandom.current().nextInt(1, ITEMS.size() + 1);
			String choice = ThreadLocalRandom.current().nextBoolean() ? "S" : "D";
			String replyId = user + "-" + n;
			String body = SignedRequests.blockAction(FakeSlack.TEAM, CHANNEL, user,
					choice.equals("S") ? "vote-ship" : "vote-defer", cutId + "|" + item + "|" + choice,
					slack.responseUrl(replyId));
			List<HttpResponse<String>> responses = deliverThreeTimes(body);
			assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
			clicks.add(new Click(replyId, user, item, choice, !choice.equals(mine.put(item, choice))));
			lastChoice.put(item + ":" + user, choice);
		}
		return null;
	}

	/**
	 * The same signed request three times at once: as first sent, and as Slack's first
	 * and second retries.
	 */
	private List<HttpResponse<String>> deliverThreeTimes(String body) throws Exception {
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		String signature = SignedRequests.sign(SignedRequests.SECRET, timestamp, body);
		List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
		sends.add(() -> this.requests.send(body, timestamp, signature, FORM, Map.of()));
		for (int retry = 1; retry <= 2; retry++) {
			Map<String, String> headers = Map.of("X-Slack-Retry-Num", Integer.toString(retry), "X-Slack-Retry-Reason",
					"http_timeout");
			sends.add(() -> this.requests.send(body, timestamp, signature, FORM, headers));
		}
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (Future<HttpResponse<String>> response : this.deliveries.invokeAll(sends)) {
			responses.add(response.get());
		}
		return responses;
	}

	private static List<String> replies(String replyId) {
		return slack.calls("response_url")
			.stream()
			.filter((call) -> call.param("url").endsWith("/" + replyId))
			.map(EndToEndTest::replyText)
			.toList();
	}

	private static boolean applied(String reply) {
		return reply.startsWith("You voted") || reply.startsWith("You changed");
	}

	private static boolean stays(String reply) {
		return reply.startsWith("Your vote on") && reply.contains(" stays ");
	}

}
