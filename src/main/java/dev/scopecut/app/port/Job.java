package dev.scopecut.app.port;

import java.util.Objects;

import dev.scopecut.cut.CutRef;

/**
 * Work on one cut that is due at a time and must happen once, whichever instance does it.
 *
 * @param detail what else names the work, for kinds that may have several jobs per cut (a
 * reminder asked for by hand, one person's reminder); empty otherwise
 */
public record Job(Kind kind, CutRef cut, String detail) {

	public enum Kind {

		/** Bring the cut's message up to date with its votes. */
		REFRESH,
		/** Post the decision of a closed cut in its channel. */
		ANNOUNCE,
		/** Close the cut at its deadline. */
		CLOSE,
		/**
		 * Remind everyone who has not voted on every item, one {@link #REMIND_ONE} job
		 * each: with no detail, for the cut's reminder slot now due, then wait for the
		 * next; with a detail, for that one slot (a reminder asked for by hand).
		 */
		REMIND,
		/** Send one person the reminder of one slot: the detail is "slot user". */
		REMIND_ONE,
		/**
		 * Count the members of a cut open to the whole channel, which Slack asked to wait
		 * for when the cut was posted.
		 */
		COUNT_MEMBERS,
		/**
		 * Ask a closed cut's facilitator, by direct message, what the release taught: on
		 * the check-in day, at their morning. Scheduled by the close itself.
		 */
		CHECK_IN,
		/**
		 * Show a check-in's answer: a reply in the thread of the decision, and the direct
		 * message that asked redrawn; after a "Not yet", the message alone.
		 */
		CHECK_IN_REPLY

	}

	public Job {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(detail, "detail");
	}

	public Job(Kind kind, CutRef cut) {
		this(kind, cut, "");
	}

}
