package dev.scopecut.app.port;

import java.time.ZoneId;

import dev.scopecut.cut.Cut;

/**
 * Asks a closed cut's facilitator what the release taught, and shows the answer. Methods
 * throw {@link RetryLaterException} when the same call should be made again later, and
 * {@link NotifyFailedException} when it never will succeed.
 */
public interface CheckInNotifier {

	/** A message posted: its channel and timestamp. */
	record Posted(String channel, String ts) {
	}

	/** The user's own time zone as Slack knows it; UTC when Slack gives none. */
	ZoneId timeZone(String workspace, String user);

	/**
	 * The user's time zone if already known (the ask looked it up), else UTC; Slack is
	 * not asked, so that an answer's acknowledgement never waits on it.
	 */
	ZoneId knownTimeZone(String workspace, String user);

	/**
	 * Sends the facilitator a direct message with the release question and the answers to
	 * give.
	 */
	Posted ask(Cut cut);

	/**
	 * Posts the answer as a reply in the thread of the message with {@code threadTs} in
	 * the cut's channel.
	 */
	void reply(Cut cut, String threadTs);

	/** Redraws the direct message that asked, with the answer given or the next ask. */
	void redraw(Cut cut, Posted ask);

}
