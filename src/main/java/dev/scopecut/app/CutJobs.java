package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Runs due jobs. A refresh waits a second after the last one was answered, so that
 * however fast votes come a cut's message is updated at most once a second, and a newer
 * change always gets a refresh of its own.
 */
public class CutJobs {

	/** The least time between two updates of one cut's message. */
	public static final Duration REFRESH_SPACING = Duration.ofSeconds(1);

	/** How long to wait before trying again after an unexpected failure. */
	static final Duration BACKOFF = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(CutJobs.class);

	private final CutStore store;

	private final JobQueue jobs;

	private final CutNotifier notifier;

	private final CutService service;

	private final Reminders reminders;

	private final CheckIns checkIns;

	private final Clock clock;

	private final Metrics metrics;

	public CutJobs(CutStore store, JobQueue jobs, CutNotifier notifier, CutService service, Reminders reminders,
			CheckIns checkIns, Clock clock, Metrics metrics) {
		this.checkIns = checkIns;
		this.metrics = metrics;
		this.store = store;
		this.jobs = jobs;
		this.notifier = notifier;
		this.service = service;
		this.reminders = reminders;
		this.clock = clock;
	}

	/**
	 * Runs one claimed job; it is completed, moved to a later time, or left for its lease
	 * to lapse.
	 */
	public void run(Job job) {
		try {
			boolean waitedForSlack = false;
			switch (job.kind()) {
				case REFRESH -> refresh(job);
				case ANNOUNCE -> announce(job);
				case CLOSE -> closeAtDeadline(job);
				case REMIND -> this.reminders.fanOut(job);
				// A reminder that waits for Slack moves itself to a free step of the
				// workspace's pace rather than throwing.
				case REMIND_ONE -> waitedForSlack = this.reminders.remindOne(job);
				case COUNT_MEMBERS -> countMembers(job);
				case CHECK_IN -> this.checkIns.ask(job);
				case CHECK_IN_REPLY -> this.checkIns.reply(job);
			}
			this.metrics.jobRun(job.kind(), waitedForSlack ? Metrics.JobOutcome.RETRIED : Metrics.JobOutcome.DONE);
		}
		catch (RetryLaterException ex) {
			log.info("{} of cut {} waits {}: {}", job.kind(), job.cut().id(), ex.getWait(), ex.getMessage());
			this.jobs.reschedule(job, this.clock.instant().plus(ex.getWait()));
			this.metrics.jobRun(job.kind(), Metrics.JobOutcome.RETRIED);
		}
		catch (NotifyFailedException ex) {
			log.warn("{} of cut {} given up: {}", job.kind(), job.cut().id(), ex.getReason());
			this.jobs.complete(job);
			this.metrics.jobRun(job.kind(), Metrics.JobOutcome.GIVEN_UP);
		}
		catch (StoreUnavailableException ex) {
			log.warn("{} of cut {} left for a later claim: {}", job.kind(), job.cut().id(), ex.getMessage());
			this.metrics.jobRun(job.kind(), Metrics.JobOutcome.LEFT);
		}
		catch (RuntimeException ex) {
			log.error("{} of cut {} failed; trying again in {}", job.kind(), job.cut().id(), BACKOFF, ex);
			this.jobs.reschedule(job, this.clock.instant().plus(BACKOFF));
			this.metrics.jobRun(job.kind(), Metrics.JobOutcome.FAILED);
		}
	}

	private void refresh(Job job) {
		Optional<CutSnapshot> found = this.store.snapshot(job.cut());
		if (found.isEmpty()) {
			this.jobs.complete(job);
			return;
		}
		CutSnapshot snapshot = found.get();
		Instant now = this.clock.instant();
		if (snapshot.cut().messageTs() == null) {
			// The message is still being posted; publishing refreshes it once there.
			this.jobs.complete(job);
			return;
		}
		if (snapshot.shownAt() != null && now.isBefore(snapshot.shownAt().plus(REFRESH_SPACING))) {
			this.jobs.reschedule(job, snapshot.shownAt().plus(REFRESH_SPACING));
			return;
		}
		this.notifier.update(snapshot);
		// Spaced from when Slack answered, not from before rendering and sending: a slow
		// send must not bring the next update closer to this one than the spacing.
		Instant shown = this.clock.instant();
		this.store.markShown(job.cut(), shown, snapshot.version());
		if (snapshot.unshownSince() != null) {
			this.metrics.refreshShown(Duration.between(snapshot.unshownSince(), shown));
		}
		// Complete before reading the version: a vote landing in between then either sees
		// the job gone and schedules its own, or is seen here.
		this.jobs.complete(job);
		if (this.store.version(job.cut()) > snapshot.version()) {
			this.jobs.schedule(job, shown.plus(REFRESH_SPACING));
		}
	}

	/**
	 * Counts the members of an open cut that has none yet, and shows them; a further wait
	 * from Slack moves the job after it.
	 */
	private void countMembers(Job job) {
		Optional<Cut> found = this.store.find(job.cut());
		if (found.isPresent() && found.get().isOpen() && found.get().members().isEmpty()
				&& this.service.countMembers(found.get())) {
			this.jobs.schedule(new Job(Job.Kind.REFRESH, job.cut()), this.clock.instant());
		}
		this.jobs.complete(job);
	}

	private void announce(Job job) {
		Optional<CutSnapshot> found = this.store.snapshot(job.cut());
		if (found.isPresent() && found.get().cut().status() == CutStatus.CLOSED) {
			this.checkIns.decisionPosted(job.cut(), this.notifier.announce(found.get()));
		}
		this.jobs.complete(job);
	}

	private void closeAtDeadline(Job job) {
		Optional<CutSnapshot> found = this.store.snapshot(job.cut());
		if (found.isEmpty() || !found.get().cut().isOpen()) {
			this.jobs.complete(job);
			return;
		}
		Instant deadline = found.get().cut().settings().deadline();
		if (this.clock.instant().isBefore(deadline)) {
			this.jobs.reschedule(job, deadline);
			return;
		}
		this.service.finished(job.cut(), CutStatus.CLOSED);
		this.jobs.complete(job);
	}

}
