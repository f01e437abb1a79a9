package dev.scopecut.app.port;

import java.time.Duration;

/**
 * What the use cases count for the people operating the app: kinds and outcomes only,
 * never a workspace, user, channel or cut. Every method does nothing unless implemented.
 */
public interface Metrics {

	/** Counts nothing: for tests, and for code that has no operator to tell. */
	Metrics NONE = new Metrics() {
	};

	/** A click on Ship or Defer came to this. */
	default void vote(VoteResult.Outcome outcome) {
	}

	/** A click on Ship or Defer could not be stored: Redis did not answer. */
	default void voteNotStored() {
	}

	/**
	 * A cut's message was updated; {@code sinceVote} is how long ago the oldest vote it
	 * shows for the first time was stored.
	 */
	default void refreshShown(Duration sinceVote) {
	}

	/** A due job was claimed {@code late} after its due time. */
	default void jobClaimed(Job.Kind kind, Duration late) {
	}

	/** What became of a claimed job. */
	default void jobRun(Job.Kind kind, JobOutcome outcome) {
	}

	/** What became of a private reply owed to someone who clicked or typed. */
	default void privateReply(ReplyOutcome outcome) {
	}

	/**
	 * Work for the Web API after an acknowledgement (posting a new cut, a long export's
	 * parts, a Home tab) was not queued: the queue was full.
	 */
	default void publishShed() {
	}

	/** What became of one person's reminder of one slot. */
	default void reminder(ReminderOutcome outcome) {
	}

	enum JobOutcome {

		/** Done, or moved to a later time of its own (a deadline, the next reminder). */
		DONE,
		/** Slack asked to wait, or could not be reached: tried again after the wait. */
		RETRIED,
		/** Slack refused: the job is dropped. */
		GIVEN_UP,
		/** Redis did not answer: the job is left for its lease to lapse. */
		LEFT,
		/** An unexpected failure: tried again after a back-off. */
		FAILED

	}

	enum ReplyOutcome {

		/** Posted to Slack. */
		SENT,
		/** A click's confirmation folded into the confirmation of its burst. */
		MERGED,
		/** Not sent: the queue of replies was full. */
		SHED,
		/** Slack could not be reached or refused it. */
		FAILED

	}

	enum ReminderOutcome {

		/** The reminder went out. */
		SENT,
		/** Held until the end of the person's quiet hours. */
		HELD,
		/**
		 * Not sent: the person has voted, the cut is over, or they were reminded lately.
		 */
		SKIPPED

	}

}
