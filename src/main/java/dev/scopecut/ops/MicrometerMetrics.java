package dev.scopecut.ops;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.VoteResult;

/**
 * The core's {@link Metrics}, as Micrometer meters. Tags are kinds and outcomes, a fixed
 * set each: never a workspace, user, channel or cut.
 */
class MicrometerMetrics implements Metrics {

	static final String VOTES_RECORDED = "scopecut.votes.recorded";

	static final String VOTES_REFUSED = "scopecut.votes.refused";

	static final String REFRESH_LAG = "scopecut.refresh.lag";

	static final String JOBS_CLAIMED = "scopecut.jobs.claimed";

	static final String JOBS_LATENESS = "scopecut.jobs.lateness";

	static final String JOBS_RUNS = "scopecut.jobs.runs";

	static final String REMINDERS = "scopecut.reminders";

	static final String PRIVATE_REPLIES = "scopecut.private.replies";

	static final String PUBLISH_SHED = "scopecut.publish.shed";

	private final MeterRegistry registry;

	MicrometerMetrics(MeterRegistry registry) {
		this.registry = registry;
		// Present from the start, so that a rate is defined before the first vote.
		for (VoteResult.Outcome outcome : VoteResult.Outcome.values()) {
			vote(outcome, 0);
		}
		refused("not_stored", 0);
		for (Job.Kind kind : Job.Kind.values()) {
			claimed(kind);
			for (JobOutcome outcome : JobOutcome.values()) {
				runs(kind, outcome);
			}
		}
		for (ReminderOutcome outcome : ReminderOutcome.values()) {
			reminders(outcome);
		}
		for (ReplyOutcome outcome : ReplyOutcome.values()) {
			replies(outcome);
		}
		publishShedCounter();
	}

	@Override
	public void vote(VoteResult.Outcome outcome) {
		vote(outcome, 1);
	}

	private void vote(VoteResult.Outcome outcome, int count) {
		switch (outcome) {
			case RECORDED -> recorded("first", count);
			case CHANGED -> recorded("changed", count);
			default -> refused(name(outcome), count);
		}
	}

	private void recorded(String change, int count) {
		Counter.builder(VOTES_RECORDED)
			.description("Votes stored: a first vote on an item, or a changed one")
			.tag("change", change)
			.register(this.registry)
			.increment(count);
	}

	private void refused(String reason, int count) {
		Counter.builder(VOTES_REFUSED)
			.description("Clicks on Ship or Defer that changed no vote, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment(count);
	}

	@Override
	public void voteNotStored() {
		refused("not_stored", 1);
	}

	@Override
	public void refreshShown(Duration sinceVote) {
		Timer.builder(REFRESH_LAG)
			.description("From a vote to the chat.update that shows it")
			.serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
			.register(this.registry)
			.record(sinceVote);
	}

	@Override
	public void jobClaimed(Job.Kind kind, Duration late) {
		claimed(kind).increment();
		Timer.builder(JOBS_LATENESS)
			.description("How late after its due time a job was claimed")
			.tag("kind", name(kind))
			.serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5))
			.register(this.registry)
			.record(late);
	}

	private Counter claimed(Job.Kind kind) {
		return Counter.builder(JOBS_CLAIMED)
			.description("Due jobs claimed by this instance")
			.tag("kind", name(kind))
			.register(this.registry);
	}

	@Override
	public void jobRun(Job.Kind kind, JobOutcome outcome) {
		runs(kind, outcome).increment();
	}

	private Counter runs(Job.Kind kind, JobOutcome outcome) {
		return Counter.builder(JOBS_RUNS)
			.description("Claimed jobs run, by what became of them: done, retried, given_up, left, failed")
			.tag("kind", name(kind))
			.tag("outcome", name(outcome))
			.register(this.registry);
	}

	@Override
	public void reminder(ReminderOutcome outcome) {
		reminders(outcome).increment();
	}

	private Counter reminders(ReminderOutcome outcome) {
		return Counter.builder(REMINDERS)
			.description("Reminders of one person: sent, held for their quiet hours, or skipped")
			.tag("outcome", name(outcome))
			.register(this.registry);
	}

	@Override
	public void privateReply(ReplyOutcome outcome) {
		replies(outcome).increment();
	}

	@Override
	public void publishShed() {
		publishShedCounter().increment();
	}

	private Counter publishShedCounter() {
		return Counter.builder(PUBLISH_SHED)
			.description("New cuts' posts, export parts and Home tabs not queued: the publish queue was full")
			.register(this.registry);
	}

	private Counter replies(ReplyOutcome outcome) {
		return Counter.builder(PRIVATE_REPLIES)
			.description("Private replies: sent, merged into their burst's confirmation, shed (queue full), failed")
			.tag("outcome", name(outcome))
			.register(this.registry);
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
