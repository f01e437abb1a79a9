package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.scopecut.support.EndToEndTest;
import dev.scopecut.support.fakeslack.FakeSlack;

/**
 * Many people clicking at once, a fast flood on one cut, and a Slack that asks to slow
 * down (429).
 */
class VotingUnderLoadTests extends EndToEndTest {

	@Test
	void twentyPeopleVotingAtOnceOnTenItemsGiveExactTallies() throws Exception {
		FakeSlack.Call message = startCut("Concurrency: a; b; c; d; e; f; g; h; i; j");
		List<String> values = voteValues(message);
		String cutId = values.get(0).split("\\|")[0];
		Map<String, String> lastChoice = new java.util.concurrent.ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<?>> voters = new ArrayList<>();
		for (int v = 0; v < 20; v++) {
			String user = "U%07d".formatted(v);
			voters.add(pool.submit(() -> {
				for (int click = 0; click < 30; click++) {
					int item = ThreadLocalRandom.current().nextInt(1, 11);
					String choice = ThreadLocalRandom.current().nextBoolean() ? "S" : "D";
					HttpResponse<String> response = this.requests.click(CHANNEL, user,
							choice.equals("S") ? "vote-ship" : "vote-defer", cutId + "|" + item + "|" + choice,
							slack.responseUrl(user));
					assertThat(response.statusCode()).isEqualTo(200);
					lastChoice.put(item + ":" + user, choice);
				}
				return null;
			}));
		}
		for (Future<?> voter : voters) {
			voter.get();
		}
		pool.shutdown();

		String votesKey = "scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId;
		assertThat(this.redisTemplate.opsForHash().entries(votesKey))
			.isEqualTo(new HashMap<Object, Object>(lastChoice));
		String expectedFirstRow = "Ship " + count(lastChoice, 1, "S") + " · Defer " + count(lastChoice, 1, "D");
		slack.await("chat.update", (call) -> blocks(call).contains(expectedFirstRow)
				&& slack.calls("chat.update").indexOf(call) == slack.calls("chat.update").size() - 1, WAIT);
	}

	@Test
	void aFloodOfVotesIsShownWithAtMostOneUpdateASecondAndTheLastStateWins() throws Exception {
		FakeSlack.Call message = startCut("Flood: signup; sharing");
		String cutId = voteValues(message).get(0).split("\\|")[0];
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> clicks = new ArrayList<>();
		long start = System.currentTimeMillis();
		for (int v = 0; v < 300; v++) {
			String user = "U%07d".formatted(v);
			clicks.add(pool
				.submit(() -> this.requests.click(CHANNEL, user, "vote-ship", cutId + "|1|S", slack.responseUrl("f"))));
		}
		for (Future<?> click : clicks) {
			click.get();
		}
		pool.shutdown();

		FakeSlack.Call last = slack.await("chat.update", (call) -> blocks(call).contains("Ship 300 · Defer 0"), WAIT);
		List<FakeSlack.Call> updates = slack.calls("chat.update");
		assertThat(updates.indexOf(last)).isEqualTo(updates.size() - 1);
		for (int i = 1; i < updates.size(); i++) {
			assertThat(updates.get(i).atMillis() - updates.get(i - 1).atMillis()).as("gap before update %d", i)
				.isGreaterThanOrEqualTo(950);
		}
		long seconds = (last.atMillis() - start) / 1000 + 1;
		assertThat(updates.size()).isLessThanOrEqualTo((int) seconds + 1);
	}

	@Test
	void a429IsWaitedOutAsToldAndTheFinalStateStillShows() {
		FakeSlack.Call message = startCut("Rate limits: signup; sharing");
		String cutId = voteValues(message).get(0).split("\\|")[0];
		slack.rateLimit("chat.update", 1, 2);
		slack.rateLimit("chat.postMessage", 1, 1);

		this.requests.click(CHANNEL, BOB, "vote-ship", cutId + "|1|S", slack.responseUrl("a"));
		FakeSlack.Call limited = slack.await("chat.update", WAIT);
		FakeSlack.Call retried = slack.await("chat.update", (call) -> call != limited, WAIT);
		this.requests.command(CHANNEL, ANN, "close force", slack.responseUrl("c"));
		FakeSlack.Call decision = slack.await("chat.postMessage",
				(call) -> call.param("text").contains("ship now    signup\n")
						&& slack.calls("chat.postMessage").indexOf(call) > 1,
				WAIT);

		assertThat(retried.atMillis() - limited.atMillis()).isGreaterThanOrEqualTo(2000);
		assertThat(blocks(retried)).contains("Ship 1 · Defer 0");
		List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
		assertThat(decision.atMillis() - posts.get(posts.size() - 2).atMillis()).isGreaterThanOrEqualTo(1000);
		slack.await("chat.update", (call) -> blocks(call).contains("*Closed*"), WAIT);
	}

	@Test
	void a429OnOneCutsUpdateHoldsTheWorkspacesOtherCutsUntilRetryAfter() {
		String first = voteValues(startCut("First: signup")).get(0).split("\\|")[0];
		String second = voteValues(startCut("Second: sharing")).get(0).split("\\|")[0];
		slack.rateLimit("chat.update", 1, 2);

		this.requests.click(CHANNEL, BOB, "vote-ship", first + "|1|S", slack.responseUrl("first"));
		FakeSlack.Call limited = slack.await("chat.update", WAIT);
		this.requests.click(CHANNEL, BOB, "vote-ship", second + "|1|S", slack.responseUrl("second"));
		FakeSlack.Call other = slack.await("chat.update", (call) -> blocks(call).contains("Second"), WAIT);
		FakeSlack.Call retried = slack.await("chat.update", (call) -> call != limited && blocks(call).contains("First"),
				WAIT);

		assertThat(blocks(limited)).contains("First");
		assertThat(other.atMillis() - limited.atMillis()).isGreaterThanOrEqualTo(2000);
		assertThat(retried.atMillis() - limited.atMillis()).isGreaterThanOrEqualTo(2000);
		assertThat(blocks(other)).contains("Ship 1 · Defer 0");
	}

	private static long count(Map<String, String> choices, int item, String choice) {
		return choices.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(item + ":") && entry.getValue().equals(choice))
			.count();
	}

}
