package dev.scopecut.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.CheckInNotifier;
import dev.scopecut.app.port.CheckInStore;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.InvalidCutException;

/**
 * What a release taught: on a closed cut's check-in day its facilitator is asked by
 * direct message, at their morning and outside their quiet hours, exactly once per day
 * asked whichever instance runs the job (the queue hands it to one claimant; the ask is
 * marked before it is sent). Only the facilitator answers, and only while the check-in is
 * pending, both checked by the store in the step that writes; "Not yet" asks again a week
 * later. The answer is then shown by a job of its own: a reply under the decision, and
 * the direct message redrawn.
 */
public class CheckIns {

	private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

	/** What became of an answer, with the cut as read before it. */
	public record Answered(CheckInStore.Outcome outcome, Cut cut, LocalDate nextAsk) {

		Answered(CheckInStore.Outcome outcome, Cut cut) {
			this(outcome, cut, null);
		}

	}

	private final CutStore cuts;

	private final CheckInStore store;

	private final JobQueue jobs;

	private final CheckInNotifier notifier;

	private final Clock clock;

	public CheckIns(CutStore cuts, CheckInStore store, JobQueue jobs, CheckInNotifier notifier, Clock clock) {
		this.cuts = cuts;
		this.store = store;
		this.jobs = jobs;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * The job that asks, saved with the close of a cut that has a check-in day; none for
	 * a cancelled cut.
	 */
	static JobChanges afterClose(Cut cut, JobChanges jobs) {
		return cut.checkInState()
			.map((checkIn) -> jobs.schedule(new Job(Job.Kind.CHECK_IN, cut.ref()), CheckIn.earliestAsk(checkIn.on())))
			.orElse(jobs);
	}

	/**
	 * Whether the user may answer the cut's check-in now, before its form opens: the
	 * store checks again when the answer is written.
	 */
	public Answered mayAnswer(Cut cut, String user) {
		if (!cut.isFacilitator(user)) {
			return new Answered(CheckInStore.Outcome.NOT_FACILITATOR, cut);
		}
		return new Answered(cut.checkInPending() ? CheckInStore.Outcome.DONE : CheckInStore.Outcome.NOT_PENDING, cut);
	}

	/**
	 * Records the facilitator's answer, or moves the next ask a week on; then its job
	 * shows it.
	 * @throws InvalidCutException when what was learned is too long or shows nothing;
	 * nothing is written then
	 */
	public Answered answer(AnswerCheckIn command) {
		Instant now = this.clock.instant();
		CutRef ref = command.cut();
		CheckInAnswer answer = (command.reply() == AnswerCheckIn.Reply.NOT_YET) ? null
				: new CheckInAnswer((command.reply() == AnswerCheckIn.Reply.LEARNED) ? CheckInAnswer.Kind.LEARNED
						: CheckInAnswer.Kind.NOT_LEARNED, command.text(), now);
		Optional<Cut> found = this.cuts.find(ref);
		if (found.isEmpty()) {
			return new Answered(CheckInStore.Outcome.NO_SUCH_CUT, null);
		}
		Answered allowed = mayAnswer(found.get(), command.user());
		if (allowed.outcome() != CheckInStore.Outcome.DONE) {
			return allowed;
		}
		Cut cut = allowed.cut();
		JobChanges show = JobChanges.NONE.schedule(new Job(Job.Kind.CHECK_IN_REPLY, ref), now);
		Job ask = new Job(Job.Kind.CHECK_IN, ref);
		if (answer != null) {
			return new Answered(this.store.answer(ref, command.user(), answer, show.complete(ask)), cut);
		}
		CheckIn checkIn = cut.checkIn();
		LocalDate next = checkIn.askAgainOn(now, this.notifier.knownTimeZone(ref.workspace(), cut.facilitator()));
		CheckInStore.Outcome outcome = this.store.postpone(ref, command.user(), checkIn.on(), next, now,
				show.reschedule(ask, CheckIn.earliestAsk(next)));
		return new Answered(outcome, cut, next);
	}

	/**
	 * A {@link Job.Kind#CHECK_IN} job: asks the facilitator when it is their morning of
	 * the day, once; a check-in answered or gone meanwhile asks nothing.
	 */
	void ask(Job job) {
		Optional<Cut> found = this.cuts.find(job.cut());
		if (found.isEmpty() || !found.get().checkInPending()) {
			this.jobs.complete(job);
			return;
		}
		Cut cut = found.get();
		CheckIn checkIn = cut.checkIn();
		Instant now = this.clock.instant();
		Instant at = checkIn.askAt(now, this.notifier.timeZone(cut.ref().workspace(), cut.facilitator()));
		if (at.isAfter(now)) {
			this.jobs.reschedule(job, at);
			return;
		}
		if (!this.store.markAsked(cut.ref(), checkIn.on())) {
			this.jobs.complete(job);
			return;
		}
		CheckInNotifier.Posted posted;
		try {
			posted = this.notifier.ask(cut);
		}
		catch (RetryLaterException ex) {
			this.store.unmarkAsked(cut.ref(), checkIn.on());
			throw ex;
		}
		this.store.attachAsk(cut.ref(), posted.channel(), posted.ts());
		this.jobs.complete(job);
	}

	/**
	 * A {@link Job.Kind#CHECK_IN_REPLY} job: an answer goes under the decision (under the
	 * cut's message when the decision's timestamp is not known), and the direct message
	 * that asked, when known, is redrawn.
	 */
	void reply(Job job) {
		Optional<Cut> found = this.cuts.find(job.cut());
		if (found.isEmpty() || found.get().checkInState().isEmpty()) {
			this.jobs.complete(job);
			return;
		}
		Cut cut = found.get();
		if (cut.checkIn().answered().isPresent()) {
			Optional<String> thread = this.store.decisionTs(cut.ref()).or(() -> Optional.ofNullable(cut.messageTs()));
			if (thread.isPresent()) {
				this.notifier.reply(cut, thread.get());
			}
			else {
				log.info("The check-in of cut {} has no message to reply under", cut.ref().id());
			}
		}
		// Complete once the reply is posted: a redraw that fails must not post it twice.
		this.jobs.complete(job);
		try {
			this.store.ask(cut.ref()).flatMap(CheckIns::posted).ifPresent((ask) -> this.notifier.redraw(cut, ask));
		}
		catch (RuntimeException ex) {
			log.warn("The check-in message of cut {} was not redrawn: {}", cut.ref().id(), ex.getMessage());
		}
	}

	/** Remembers the posted decision of a closed cut, for its check-in to reply under. */
	void decisionPosted(CutRef ref, String ts) {
		if (ts != null) {
			this.store.attachDecision(ref, ts);
		}
	}

	private static Optional<CheckInNotifier.Posted> posted(String channelAndTs) {
		String[] parts = channelAndTs.split(" ", 2);
		return (parts.length == 2) ? Optional.of(new CheckInNotifier.Posted(parts[0], parts[1])) : Optional.empty();
	}

}
