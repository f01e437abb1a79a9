package dev.scopecut.slack.outbound;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.blocks.Replies;

/**
 * One private confirmation per burst: a voter's clicks on one cut within the burst window
 * ({@code scopecut.confirmations.burst}, 1.5 s) of the first become one reply ("You voted
 * *Ship* on “a”, “b” · *Defer* on “c”"), each item's last choice winning, sent through
 * the burst's last response URL. A voter clicking through a 30-item cut sees one or two
 * confirmations, not 30 stacked ones; a lone click is confirmed as before. Slack offers
 * no way to replace the earlier confirmation instead: a response URL replaces only the
 * message clicked (here the channel's cut message, for everyone), and an ephemeral
 * message cannot be updated with {@code chat.update}.
 *
 * <p>
 * Bursts are gathered per instance: a voter's clicks arrive in order, mostly at one
 * instance; a burst split between two gets two confirmations, each true. Held bursts are
 * bounded by {@link #MAX_BURSTS}; past it a click is confirmed alone, at once, never
 * dropped. One timer thread sends them; nothing waits per click. On shutdown, held bursts
 * are sent before the reply executor drains.
 */
@Component
public class VoteConfirmations implements DisposableBean {

	/** The most bursts held at once: that many voters clicking within one window. */
	static final int MAX_BURSTS = 20_000;

	/** Longer, and a voter would wonder whether their click counted. */
	static final Duration MAX_BURST = Duration.ofSeconds(10);

	private final PrivateReplies replies;

	private final Metrics metrics;

	/**
	 * How long after a voter's first click on a cut their confirmation goes; 0: at once.
	 */
	private final Duration burst;

	private final Map<Key, Burst> bursts = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "vote-confirmations");
		thread.setDaemon(true);
		return thread;
	});

	VoteConfirmations(PrivateReplies replies, Metrics metrics,
			@Value("${scopecut.confirmations.burst}") Duration burst) {
		if (burst.isNegative() || burst.compareTo(MAX_BURST) > 0) {
			throw new IllegalArgumentException("scopecut.confirmations.burst must be between 0 and " + MAX_BURST);
		}
		this.replies = replies;
		this.metrics = metrics;
		this.burst = burst;
		this.timer.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Confirms a stored vote (recorded, changed or unchanged) with the voter's other
	 * clicks on the cut in the same burst.
	 */
	public void confirm(CutRef cut, String voter, int itemId, Choice choice, VoteResult result, String responseUrl) {
		if (this.burst.isZero()) {
			this.replies.send(responseUrl, Replies.vote(result, choice));
			return;
		}
		Key key = new Key(cut, voter);
		boolean[] first = { false };
		Burst burst = this.bursts.compute(key, (k, held) -> {
			if (held == null) {
				if (this.bursts.size() >= MAX_BURSTS) {
					return null;
				}
				first[0] = true;
				return new Burst(itemId, new Replies.Voted(result.itemText(), choice), Replies.vote(result, choice),
						responseUrl);
			}
			return held.add(itemId, new Replies.Voted(result.itemText(), choice), responseUrl);
		});
		if (burst == null) {
			this.replies.send(responseUrl, Replies.vote(result, choice));
		}
		else if (first[0]) {
			try {
				this.timer.schedule(() -> send(key), this.burst.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Shutting down, held bursts already sent: this one goes at once.
				send(key);
			}
		}
		else {
			this.metrics.privateReply(Metrics.ReplyOutcome.MERGED);
		}
	}

	private void send(Key key) {
		Burst burst = this.bursts.remove(key);
		if (burst != null) {
			this.replies.send(burst.responseUrl, burst.text());
		}
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
		this.bursts.keySet().forEach(this::send);
	}

	private record Key(CutRef cut, String voter) {
	}

	/**
	 * One voter's clicks on one cut so far; changed only inside the map's compute, so
	 * under its lock.
	 */
	private static final class Burst {

		private final Map<Integer, Replies.Voted> votes = new LinkedHashMap<>();

		/** The first click's own confirmation, for a burst of one click. */
		private final String alone;

		private String responseUrl;

		private int clicks = 1;

		Burst(int itemId, Replies.Voted vote, String alone, String responseUrl) {
			this.votes.put(itemId, vote);
			this.alone = alone;
			this.responseUrl = responseUrl;
		}

		Burst add(int itemId, Replies.Voted vote, String responseUrl) {
			this.votes.put(itemId, vote);
			this.responseUrl = responseUrl;
			this.clicks++;
			return this;
		}

		String text() {
			return (this.clicks == 1) ? this.alone : Replies.burst(this.votes.values());
		}

	}

}
