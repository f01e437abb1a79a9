package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.QuietHours;

/**
 * Direct messages to the people who have not voted on every item of an open cut. A
 * reminder slot fans out into one job per person, spaced {@link #PACE} apart in the
 * shared queue, so sending stays within Slack's rate tiers whichever instances run them
 * and one person's failure never holds up the others. Each person's job checks, when it
 * runs, that the cut is open and they still have items left, holds back during their
 * quiet hours, and marks the slot for them before sending: at most one message per person
 * per slot.
 */
public class Reminders {

	/**
	 * Between two people's reminders: {@code conversations.open} is Tier 3, about 50 a
	 * minute per workspace.
	 */
	public static final Duration PACE = Duration.ofMillis(1200);

	/**
	 * Over how long the reminders held until one morning are spread: about 50 people a
	 * minute, {@code conversations.open}'s tier.
	 */
	static final Duration MORNING_SPREAD = Duration.ofMinutes(1);

	/** How long a slot's marks outlive the deadline, for a close that runs late. */
	static final Duration MARK_MARGIN = Duration.ofDays(1);

	/**
	 * A reminder asked for by hand names its slot by the minute, so a repeat within it
	 * sends nothing more.
	 */
	static final String BY_HAND = "M";

	/** A reminder at one of the cut's set times names its slot by that time. */
	static final String SET_TIME = "S";

	private final CutStore store;

	private final JobQueue jobs;

	private final CutNotifier notifier;

	private final ReminderNotifier messages;

	private final ReminderMarks marks;

	private final Clock clock;

	public Reminders(CutStore store, JobQueue jobs, CutNotifier notifier, ReminderNotifier messages,
			ReminderMarks marks, Clock clock) {
		this.store = store;
		this.jobs = jobs;
		this.notifier = notifier;
		this.messages = messages;
		this.marks = marks;
		this.clock = clock;
	}

	/** The outcome of {@code /scopecut remind}. */
	public enum Asked {

		/** The reminder is on its way to everyone who has items left. */
		SENDING,
		/** Only the facilitator sends reminders by hand. */
		NOT_FACILITATOR,
		/** The cut is closed or cancelled: nobody is reminded. */
		NOT_OPEN

	}

	/** Sends the cut's reminder now, for its facilitator. */
	public Asked remindNow(Cut cut, String user) {
		if (!cut.isFacilitator(user)) {
			return Asked.NOT_FACILITATOR;
		}
		if (!cut.isOpen()) {
			return Asked.NOT_OPEN;
		}
		Instant now = this.clock.instant();
		String slot = BY_HAND + now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
		this.jobs.schedule(new Job(Job.Kind.REMIND, cut.ref(), slot), now);
		return Asked.SENDING;
	}

	/** A {@link Job.Kind#REMIND} job: one {@link Job.Kind#REMIND_ONE} job per person. */
	void fanOut(Job job) {
		Optional<CutSnapshot> found = this.store.snapshot(job.cut());
		if (found.isEmpty() || !found.get().cut().isOpen()) {
			this.jobs.complete(job);
			return;
		}
		CutSnapshot snapshot = found.get();
		Cut cut = snapshot.cut();
		Instant now = this.clock.instant();
		String slot = job.detail();
		if (slot.isEmpty()) {
			Optional<Instant> due = cut.reminderDue(now);
			slot = due.map((at) -> SET_TIME + at.getEpochSecond()).orElse("");
		}
		if (!slot.isEmpty()) {
			List<String> people = cut.stillToVote(voters(cut), snapshot.ballots());
			for (int i = 0; i < people.size(); i++) {
				this.jobs.schedule(new Job(Job.Kind.REMIND_ONE, job.cut(), slot + " " + people.get(i)),
						now.plus(PACE.multipliedBy(i)));
			}
		}
		// After the people's jobs are queued: a crash before this runs the fan-out again,
		// and the marks keep anyone from a second message. The next time comes from the
		// deadline as stored now: an extension made meanwhile has moved it.
		Optional<Instant> next = job.detail().isEmpty() ? this.store.find(job.cut())
			.filter(Cut::isOpen)
			.flatMap((current) -> current.nextReminder(current.settings().deadline(), now)) : Optional.empty();
		if (next.isPresent()) {
			this.jobs.reschedule(job, next.get());
		}
		else {
			this.jobs.complete(job);
		}
	}

	/**
	 * Who may vote: the chosen voters, else the channel's members kept with the cut, else
	 * (when Slack could not say at the start) its members now.
	 * @throws RetryLaterException when Slack asks to wait: the reminder waits with it
	 */
	private List<String> voters(Cut cut) {
		if (cut.settings().hasChosenVoters() || !cut.members().isEmpty()) {
			return cut.eligibleVoters();
		}
		return this.notifier.members(cut).orElse(List.of());
	}

	/**
	 * A held reminder's time, moved by up to {@link #MORNING_SPREAD} by who it is for:
	 * everyone of one time zone would otherwise fall due at the same 08:00, together,
	 * past Slack's rate tiers. Never past the deadline.
	 */
	static Instant spread(Instant morning, String user, Instant deadline) {
		long steps = MORNING_SPREAD.dividedBy(PACE);
		Instant spread = morning.plus(PACE.multipliedBy(Math.floorMod(user.hashCode(), steps)));
		return spread.isBefore(deadline) ? spread : morning;
	}

	/** A {@link Job.Kind#REMIND_ONE} job: one person's reminder of one slot. */
	void remindOne(Job job) {
		String[] slotAndUser = job.detail().split(" ", 2);
		if (slotAndUser.length != 2) {
			this.jobs.complete(job);
			return;
		}
		String slot = slotAndUser[0];
		String user = slotAndUser[1];
		Optional<VoterChoices> found = this.store.choicesOf(job.cut(), user);
		if (found.isEmpty() || !found.get().cut().isOpen()
				|| found.get().cut().hasVotedOnEvery(found.get().choices())) {
			this.jobs.complete(job);
			return;
		}
		Cut cut = found.get().cut();
		Instant now = this.clock.instant();
		Instant sendAt = QuietHours.sendAt(now, this.messages.timeZone(job.cut().workspace(), user),
				cut.settings().deadline());
		if (sendAt.isAfter(now)) {
			this.jobs.reschedule(job, spread(sendAt, user, cut.settings().deadline()));
			return;
		}
		Instant keepMark = cut.settings().deadline().plus(MARK_MARGIN);
		if (this.marks.mark(job.cut(), slot, user, keepMark) != ReminderMarks.Mark.MARKED) {
			this.jobs.complete(job);
			return;
		}
		try {
			this.messages.remind(found.get(), user);
		}
		catch (RetryLaterException ex) {
			// Slack said to wait before the message could go: the job runs again, and
			// must
			// be able to send. Any other failure (including a post that may have gone)
			// keeps the mark: at most one message, never two.
			this.marks.unmark(job.cut(), slot, user);
			throw ex;
		}
		this.jobs.complete(job);
	}

}
