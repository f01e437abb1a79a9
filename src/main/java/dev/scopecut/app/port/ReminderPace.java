package dev.scopecut.app.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The times at which a workspace's reminders may go, shared by every instance: a grid of
 * {@link #STEP} with at most one reminder booked on each step, whichever cut, slot or
 * instance books it. So every reminder of a workspace (two cuts at once, a slot and a
 * reminder by hand, a whole time zone held until one morning) stays within Slack's rate
 * tiers together, not only within one fan-out. Every method throws
 * {@link StoreUnavailableException} when the store cannot answer.
 */
public interface ReminderPace {

	/**
	 * Between two reminders of a workspace: {@code conversations.open} is Tier 3, about
	 * 50 a minute per workspace.
	 */
	Duration STEP = Duration.ofMillis(1200);

	/**
	 * Books {@code count} free steps at or after {@code from}, earliest first; nobody
	 * else gets them.
	 */
	List<Instant> book(String workspace, Instant from, int count);

}
