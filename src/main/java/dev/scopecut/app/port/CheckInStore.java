package dev.scopecut.app.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.CutRef;

/**
 * Where a cut's check-in is kept, with the cut. Every method is one atomic step on the
 * cut's own slot; a method given {@link JobChanges} makes them in that step, and only
 * when it changes the check-in. Any method may throw {@link StoreUnavailableException}.
 */
public interface CheckInStore {

	/** What became of an answer. */
	enum Outcome {

		/** It was recorded (or the next ask moved). */
		DONE,
		/** Someone other than the cut's facilitator answered: nothing was written. */
		NOT_FACILITATOR,
		/**
		 * The cut is not closed, has no check-in, or it was answered already: nothing was
		 * written.
		 */
		NOT_PENDING,
		/** "Not yet" was already answered to this ask: its next ask stands. */
		ALREADY_POSTPONED,
		/** No such cut in the workspace. */
		NO_SUCH_CUT

	}

	/**
	 * Marks the ask of the given day as sent, while the check-in is pending and only once
	 * per day asked: the one caller that gets true sends the direct message.
	 */
	boolean markAsked(CutRef ref, LocalDate on);

	/**
	 * Takes a mark back: Slack certainly did not take the message, the retry may send.
	 */
	void unmarkAsked(CutRef ref, LocalDate on);

	/** Remembers the direct message that asked, for the answer to redraw it. */
	void attachAsk(CutRef ref, String channel, String ts);

	/** The direct message that asked, as "channel ts"; empty when none is known. */
	Optional<String> ask(CutRef ref);

	/**
	 * Records the facilitator's answer, only while the check-in is pending and only when
	 * {@code user} is the cut's facilitator, checked in the same step.
	 */
	Outcome answer(CutRef ref, String user, CheckInAnswer answer, JobChanges jobs);

	/**
	 * Moves the next ask from {@code from}, the day as read, to {@code next}, under the
	 * same conditions as {@link #answer}; a second "Not yet" to the same ask changes
	 * nothing ({@link Outcome#ALREADY_POSTPONED}). The cut is kept long enough to be
	 * asked on the next day.
	 * @param at when "Not yet" was answered
	 */
	Outcome postpone(CutRef ref, String user, LocalDate from, LocalDate next, Instant at, JobChanges jobs);

	/** Remembers the posted decision's timestamp, for the answer's thread reply. */
	void attachDecision(CutRef ref, String ts);

	/** The posted decision's timestamp; empty when not known. */
	Optional<String> decisionTs(CutRef ref);

}
