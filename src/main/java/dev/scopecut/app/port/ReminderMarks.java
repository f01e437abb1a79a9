package dev.scopecut.app.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.scopecut.cut.CutRef;

/**
 * Remembers which reminders went out, so that each person gets at most one per slot,
 * however many instances run the job and however often it is retried.
 */
public interface ReminderMarks {

	enum Mark {

		/** Marked now: the caller, and only it, sends this reminder. */
		MARKED,
		/** Someone marked it before: it was sent, or its sender died trying. */
		ALREADY_MARKED,
		/**
		 * The user had another reminder of the cut lately (another slot held until the
		 * same morning, or one sent by hand just before): this one is skipped.
		 */
		REMINDED_LATELY,
		/** The cut is gone or no longer open: nothing is sent. */
		NOT_OPEN

	}

	/**
	 * Marks the reminder of one slot for one person, in the same atomic step as checking
	 * that the cut is still open and that no other reminder of it was marked for them
	 * within {@code lately} before {@code now}; the mark is kept until {@code until}.
	 */
	Mark mark(CutRef cut, String slot, String user, Instant until, Instant now, Duration lately);

	/**
	 * Marks a reminder of the cut asked for by hand, unless another was within
	 * {@code every} before {@code now}, in one atomic step.
	 * @return empty when marked now (the caller sends it); otherwise when the next may be
	 * asked for
	 */
	Optional<Instant> markByHand(CutRef cut, Instant now, Duration every);

	/** Takes a mark back after a send that failed and will be tried again. */
	void unmark(CutRef cut, String slot, String user);

}
