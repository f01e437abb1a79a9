package dev.scopecut.cluster;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;

/**
 * Votes clicked without pause by a few voters at once, each click a new voter on one of a
 * cut's items, spread over the instances, while a Redis master is killed: what each click
 * was answered, and when it was sent. The flood goes on until enough votes are recorded
 * after the last one refused, so that it spans the whole failover.
 */
final class VoteFlood {

	static final String RECORDED = "You voted";

	/** One click: its HTTP status and the private reply it got (null when none came). */
	record Vote(String user, int item, long sentNanos, int status, String reply) {

		boolean recorded() {
			return this.reply != null && this.reply.startsWith(RECORDED);
		}

		/** The vote's field in the cut's votes hash (Keys: "itemId:userId"). */
		String field() {
			return this.item + ":" + this.user;
		}

	}

	private static final int VOTERS = 3;

	private static final int RECORDED_BEFORE_FAULT = 60;

	private static final int RECORDED_AFTER_LAST_REFUSED = 60;

	private static final Duration LONGEST = Duration.ofSeconds(90);

	private final List<Vote> votes = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong faultNanos = new AtomicLong();

	private VoteFlood() {
	}

	/**
	 * Floods the cut's items with votes, runs the fault once enough are recorded, and
	 * returns when enough are recorded after the last refused one.
	 */
	static VoteFlood run(FakeSlack slack, List<ConfigurableApplicationContext> instances, String team, String cut,
			int items, Runnable fault) {
		VoteFlood flood = new VoteFlood();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService voters = Executors.newFixedThreadPool(VOTERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int v = 0; v < VOTERS; v++) {
				int voter = v;
				running.add(voters.submit(() -> flood.click(slack, instances, team, cut, items, voter, stop)));
			}
			await("votes recorded before the fault").atMost(LONGEST)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> flood.recorded() >= RECORDED_BEFORE_FAULT);
			flood.faultNanos.set(System.nanoTime());
			fault.run();
			await("votes recorded again after the fault").atMost(LONGEST)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> flood.recordedAfterLastRefused() >= RECORDED_AFTER_LAST_REFUSED);
			stop.set(true);
			for (Future<?> voter : running) {
				voter.get();
			}
			return flood;
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			stop.set(true);
			voters.shutdownNow();
		}
	}

	List<Vote> votes() {
		synchronized (this.votes) {
			return List.copyOf(this.votes);
		}
	}

	List<Vote> recordedVotes() {
		return votes().stream().filter(Vote::recorded).toList();
	}

	/** Clicks sent after the fault that were not recorded. */
	List<Vote> refusedAfterFault() {
		return votes().stream()
			.filter((vote) -> vote.sentNanos() >= this.faultNanos.get() && !vote.recorded())
			.toList();
	}

	/**
	 * From the first click refused after the fault to the first recorded one sent after
	 * the last refused: how long the instances could not record votes. Empty when none
	 * was refused.
	 */
	Optional<Duration> gap() {
		List<Vote> refused = refusedAfterFault();
		if (refused.isEmpty()) {
			return Optional.empty();
		}
		long first = refused.stream().mapToLong(Vote::sentNanos).min().orElseThrow();
		long last = refused.stream().mapToLong(Vote::sentNanos).max().orElseThrow();
		return votes().stream()
			.filter((vote) -> vote.recorded() && vote.sentNanos() > last)
			.min(Comparator.comparingLong(Vote::sentNanos))
			.map((vote) -> Duration.ofNanos(vote.sentNanos() - first));
	}

	/** What the figure says, for the test's output and BENCHMARKS.md. */
	String report(String engine) {
		List<Vote> all = votes();
		return "%s failover: %d clicks, %d recorded, %d refused after the SIGKILL (%d of them answered with no private reply); gap %s"
			.formatted(engine, all.size(), recordedVotes().size(), refusedAfterFault().size(),
					refusedAfterFault().stream().filter((vote) -> vote.reply() == null).count(),
					gap().map((gap) -> gap.toMillis() + " ms").orElse("none (no click refused)"));
	}

	private long recorded() {
		return votes().stream().filter(Vote::recorded).count();
	}

	private long recordedAfterLastRefused() {
		List<Vote> refused = refusedAfterFault();
		long last = refused.stream().mapToLong(Vote::sentNanos).max().orElse(this.faultNanos.get());
		return votes().stream().filter((vote) -> vote.recorded() && vote.sentNanos() > last).count();
	}

	private void click(FakeSlack slack, List<ConfigurableApplicationContext> instances, String team, String cut,
			int items, int voter, AtomicBoolean stop) {
		for (int n = 0; !stop.get(); n++) {
			String user = "U%03dF%05d".formatted(voter, n);
			int item = 1 + n % items;
			String replyId = "flood-" + cut + "-" + user;
			ConfigurableApplicationContext instance = instances.get((voter + n) % instances.size());
			long sent = System.nanoTime();
			HttpResponse<String> response = Instances.requests(instance)
				.post(SignedRequests.blockAction(team, Instances.channel(team), user, "vote-ship",
						cut + "|" + item + "|S", slack.responseUrl(replyId)));
			String reply = null;
			if (response.statusCode() == 200) {
				reply = Instances.reply(slack, replyId, Instances.PATIENCE);
			}
			this.votes.add(new Vote(user, item, sent, response.statusCode(), reply));
		}
	}

}
