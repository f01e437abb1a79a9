package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.QuietHours;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.ReminderMarks;
import dev.scopecut.app.port.ReminderNotifier;
import dev.scopecut.app.port.ReminderPace;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.VoterChoices;

/**
 * Direct messages to the people who have not voted on every item of an open cut. A
 * reminder slot fans out into one job per person, each on a step of the workspace's
 * {@link ReminderPace} booked for it, so every reminder of the workspace stays within
 * Slack's rate tiers whichever cuts, slots and instances send them, and one person's
 * failure never holds up the others. Each person's job checks, when it runs, that the cut
 * is open, its deadline not passed and they still have items left, holds back during
 * their quiet hours, and marks the slot for them before sending: at most one message per
 * person per slot, and none within {@link #LATELY} of another of the same cut.
 */
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/**
	 * Nobody gets two reminders of one cut within this: two slots held until the same
	 * morning, or a reminder by hand just after a set one, send one message. Less than
	 * the plan's gap between two set times, which a paced fan-out may start late.
	 */
	static final Duration LATELY = Duration.ofMinutes(30);

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

	private final ReminderPace pace;

	private final Clock clock;

	private final Metrics metrics;

	public Reminders(CutStore store, JobQueue jobs, CutNotifier notifier, ReminderNotifier messages,
			ReminderMarks marks, ReminderPace pace, Clock clock, Metrics metrics) {
		this.metrics = metrics;
		this.store = store;
		this.jobs = jobs;
		this.notifier = notifier;
		this.messages = messages;
		this.marks = marks;
		this.pace = pace;
		this.clock = clock;
	}

	/**
	 * The least time between two reminders of one cut asked for by hand: each books a
	 * step of the workspace's shared pace for everyone still to vote, so one person
	 * asking again and again would hold back every other cut's reminders. Anyone reminded
	 * within {@link #LATELY} is skipped anyway.
	 */
	public static final Duration BY_HAND_EVERY = Duration.ofMinutes(30);

	/**
	 * The outcome of {@code /scopecut remind}.
	 *
	 * @param nextByHand when the cut's next reminder by hand may be asked for; null
	 * unless {@link Outcome#TOO_SOON}
	 */
	public record Asked(Outcome outcome, Instant nextByHand) {

		static Asked of(Outcome outcome) {
			return new Asked(outcome, null);
		}

		public enum Outcome {

			/** The reminder is on its way to everyone who has items left. */
			SENDING,
			/** Only the facilitator sends reminders by hand. */
			NOT_FACILITATOR,
			/** The cut is closed or cancelled: nobody is reminded. */
			NOT_OPEN,
			/**
			 * A reminder by hand of this cut went less than {@link #BY_HAND_EVERY} ago:
			 * nothing is sent.
			 */
			TOO_SOON

		}

	}

	/**
	 * Sends the cut's reminder now, for its facilitator, at most once per
	 * {@link #BY_HAND_EVERY}.
	 */
	public Asked remindNow(Cut cut, String user) {
		if (!cut.isFacilitator(user)) {
			return Asked.of(Asked.Outcome.NOT_FACILITATOR);
		}
		if (!cut.isOpen()) {
			return Asked.of(Asked.Outcome.NOT_OPEN);
		}
		Instant now = this.clock.instant();
		Optional<Instant> next = this.marks.markByHand(cut.ref(), now, BY_HAND_EVERY);
		if (next.isPresent()) {
			return new Asked(Asked.Outcome.TOO_SOON, next.get());
		}
		String slot = BY_HAND + now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
		this.jobs.schedule(new Job(Job.Kind.REMIND, cut.ref(), slot), now);
		return Asked.of(Asked.Outcome.SENDING);
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
		if (!slot.isEmpty() && now.isBefore(cut.settings().deadline())) {
			// A workspace that removed Scopecut ends its reminders here, whether or not
			// the cut kept its members, rather than queueing one job per person to fail.
			this.messages.requireReachable(job.cut().workspace());
			List<String> people = cut.stillToVote(voters(cut), snapshot.ballots());
			List<Instant> steps = this.pace.book(job.cut().workspace(), now, people.size());
			for (int i = 0; i < people.size(); i++) {
				this.jobs.schedule(new Job(Job.Kind.REMIND_ONE, job.cut(), slot + " " + people.get(i)), steps.get(i));
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
	 * A {@link Job.Kind#REMIND_ONE} job: one person's reminder of one slot.
	 * @return true when Slack asked to wait and the reminder was moved to a free step
	 * after the wait (the job is retried, no reminder outcome is counted yet); false when
	 * it was sent, held for quiet hours or skipped
	 */
	boolean remindOne(Job job) {
		String[] slotAndUser = job.detail().split(" ", 2);
		if (slotAndUser.length != 2) {
			this.jobs.complete(job);
			return false;
		}
		String slot = slotAndUser[0];
		String user = slotAndUser[1];
		Optional<VoterChoices> found = this.store.choicesOf(job.cut(), user);
		Instant now = this.clock.instant();
		if (found.isEmpty() || !found.get().cut().isOpen() || !now.isBefore(found.get().cut().settings().deadline())
				|| found.get().cut().hasVotedOnEvery(found.get().choices())) {
			this.jobs.complete(job);
			this.metrics.reminder(Metrics.ReminderOutcome.SKIPPED);
			return false;
		}
		String workspace = job.cut().workspace();
		Instant deadline = found.get().cut().settings().deadline();
		try {
			Instant sendAt = QuietHours.sendAt(now, this.messages.timeZone(workspace, user), deadline);
			if (sendAt.isAfter(now)) {
				// From their morning on: a whole time zone held until the same 08:00 goes
				// out paced, not in one burst.
				this.jobs.reschedule(job, freeStep(workspace, sendAt));
				this.metrics.reminder(Metrics.ReminderOutcome.HELD);
				return false;
			}
			ReminderMarks.Mark mark = this.marks.mark(job.cut(), slot, user, deadline.plus(MARK_MARGIN), now, LATELY);
			if (mark != ReminderMarks.Mark.MARKED) {
				this.jobs.complete(job);
				this.metrics.reminder(Metrics.ReminderOutcome.SKIPPED);
				return false;
			}
			send(found.get(), slot, user);
			this.jobs.complete(job);
			this.metrics.reminder(Metrics.ReminderOutcome.SENT);
			return false;
		}
		catch (RetryLaterException ex) {
			// Every reminder of the workspace waits with this one: it takes a free step
			// after the wait rather than the same instant as all the others.
			log.info("Reminder of cut {} waits {}: {}", job.cut().id(), ex.getWait(), ex.getMessage());
			this.jobs.reschedule(job, freeStep(workspace, now.plus(ex.getWait())));
			return true;
		}
	}

	/**
	 * The first step of the workspace's reminder pace at or after {@code from}, booked.
	 */
	private Instant freeStep(String workspace, Instant from) {
		return this.pace.book(workspace, from, 1).get(0);
	}

	/**
	 * Sends a marked reminder. Slack saying to wait before the message could go takes the
	 * mark back, so the retry can send; any other failure (including a post that may have
	 * gone) keeps it: at most one message, never two.
	 */
	private void send(VoterChoices voter, String slot, String user) {
		try {
			this.messages.remind(voter, user);
		}
		catch (RetryLaterException ex) {
			this.marks.unmark(voter.cut().ref(), slot, user);
			throw ex;
		}
	}

}
