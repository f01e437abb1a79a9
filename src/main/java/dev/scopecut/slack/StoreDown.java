package dev.scopecut.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.slack.blocks.Replies;

/**
 * Every listener's answer when Redis is down while it serves a person: what was not done
 * is logged, and the person is told privately that nothing was recorded, so that they try
 * again rather than believe it done.
 */
public final class StoreDown {

	private static final Logger log = LoggerFactory.getLogger(StoreDown.class);

	private StoreDown() {
	}

	/** Logs what was not done; the private answer: nothing was saved. */
	public static String reply(String notDone, StoreUnavailableException ex) {
		return reply(notDone, ex, Replies.STORE_DOWN);
	}

	/** Logs what was not done; the private answer is {@code privately}. */
	public static String reply(String notDone, StoreUnavailableException ex, String privately) {
		log.warn("{}: {}", notDone, ex.getMessage());
		return privately;
	}

}
