package dev.scopecut.app.port;

import java.util.List;
import java.util.Optional;

import dev.scopecut.cut.Cut;

/**
 * Shows cuts where the team works. Methods throw {@link RetryLaterException} when the
 * same call should be made again later, and {@link NotifyFailedException} when it never
 * will succeed.
 */
public interface CutNotifier {

	/**
	 * The human members of the cut's channel, to count who may vote on a cut open to the
	 * whole channel; empty when they can never be known (Slack refused, say for a missing
	 * scope or the bot not in the channel, or the channel is too large to count).
	 * @throws RetryLaterException when Slack asked to wait, or failed: asking again after
	 * the wait may succeed
	 */
	Optional<List<String>> members(Cut cut);

	/** Posts the cut's message and returns its timestamp. */
	String post(CutSnapshot snapshot);

	/**
	 * Brings the cut's message up to date: counts while open, the result once closed.
	 */
	void update(CutSnapshot snapshot);

	/** Posts the decision of a closed cut in its channel and returns its timestamp. */
	String announce(CutSnapshot snapshot);

}
