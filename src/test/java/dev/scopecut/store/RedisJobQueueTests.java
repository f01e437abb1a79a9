package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;

class RedisJobQueueTests extends RedisStoreTest {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final Duration LEASE = Duration.ofSeconds(30);

	final DueIndex index = new DueIndex(template, new RedisGuard());

	final RedisJobQueue queue = new RedisJobQueue(template, new RedisGuard(), this.index, Metrics.NONE,
			Clock.fixed(NOW, ZoneOffset.UTC), ReplicaWait.off());

	final Job refresh = new Job(Job.Kind.REFRESH, new CutRef("T1", new CutId("K7M2Q")));

	final Job close = new Job(Job.Kind.CLOSE, new CutRef("T1", new CutId("K7M2Q")));

	@Test
	void onlyDueJobsAreClaimedAndEachOnlyOnceWhileLeased() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.schedule(this.close, NOW.plusSeconds(60));

		assertThat(this.queue.claimDue(NOW, LEASE, 10)).containsExactly(this.refresh);
		assertThat(this.queue.claimDue(NOW.plusSeconds(1), LEASE, 10)).isEmpty();
		assertThat(this.queue.claimDue(NOW.plus(LEASE).plusSeconds(1), LEASE, 10)).containsExactly(this.refresh);
	}

	@Test
	void aJobWhoseClaimantDiedFallsDueAgainAfterItsLease() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.claimDue(NOW, LEASE, 10);

		assertThat(this.queue.claimDue(NOW.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
		assertThat(this.queue.claimDue(NOW.plus(LEASE), LEASE, 10)).containsExactly(this.refresh);
	}

	@Test
	void schedulingAWaitingJobKeepsItsTimeSoRefreshesCoalesce() {
		this.queue.schedule(this.refresh, NOW.plusSeconds(1));
		this.queue.schedule(this.refresh, NOW);

		assertThat(this.queue.claimDue(NOW, LEASE, 10)).isEmpty();
		assertThat(this.queue.claimDue(NOW.plusSeconds(1), LEASE, 10)).containsExactly(this.refresh);
	}

	@Test
	void rescheduleMovesAJobAndCompleteRemovesIt() {
		this.queue.schedule(this.close, NOW);
		this.queue.reschedule(this.close, NOW.plusSeconds(5));
		assertThat(this.queue.claimDue(NOW, LEASE, 10)).isEmpty();

		this.queue.complete(this.close);

		assertThat(this.queue.claimDue(NOW.plusSeconds(60), LEASE, 10)).isEmpty();
		assertThat(template.hasKey(Keys.jobs("T1"))).isFalse();
	}

	@Test
	void aJobSetDueAgainWhileItRunsOutlivesTheRunsCompletion() {
		this.queue.schedule(this.close, NOW);
		assertThat(this.queue.claimDue(NOW, LEASE, 10)).containsExactly(this.close);
		// While it runs, a script (a check-in put off, a deadline moved, from any
		// instance) sets it due later, as apply-jobs.lua does.
		template.opsForZSet()
			.add(Keys.jobs("T1"), RedisJobQueue.member(this.close), NOW.plusSeconds(600).toEpochMilli());

		this.queue.complete(this.close);

		assertThat(this.queue.claimDue(NOW.plusSeconds(599), LEASE, 10)).isEmpty();
		assertThat(this.queue.claimDue(NOW.plusSeconds(600), LEASE, 10)).containsExactly(this.close);
	}

	@Test
	void aClaimedJobCompletedIsGone() {
		this.queue.schedule(this.close, NOW);
		assertThat(this.queue.claimDue(NOW, LEASE, 10)).containsExactly(this.close);

		this.queue.complete(this.close);

		assertThat(this.queue.claimDue(NOW.plus(LEASE).plusSeconds(1), LEASE, 10)).isEmpty();
		assertThat(template.hasKey(Keys.jobs("T1"))).isFalse();
	}

	@Test
	void atMostTheAskedNumberOfJobsIsClaimed() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.schedule(this.close, NOW);

		assertThat(this.queue.claimDue(NOW, LEASE, 1)).hasSize(1);
		assertThat(this.queue.claimDue(NOW, LEASE, 1)).hasSize(1);
		assertThat(this.queue.claimDue(NOW, LEASE, 1)).isEmpty();
	}

	@Test
	void jobsOfManyWorkspacesAreEachFoundThroughTheirShardOfTheDueIndex() {
		List<Job> jobs = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Job job = new Job(Job.Kind.REFRESH, new CutRef("T" + i, new CutId("K7M2Q")));
			this.queue.schedule(job, NOW);
			jobs.add(job);
		}

		List<Job> claimed = new ArrayList<>();
		for (int round = 0; round < 20 && claimed.size() < jobs.size(); round++) {
			claimed.addAll(this.queue.claimDue(NOW, LEASE, 4));
		}

		assertThat(claimed).containsExactlyInAnyOrderElementsOf(jobs);
		assertThat(template.keys("scopecut:{due-*}:workspaces")).hasSizeGreaterThan(1);
	}

	@Test
	void aClaimLeavesTheWorkspacesEntryAtItsNextJobAndRemovesItWhenNoneIsLeft() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.schedule(this.close, NOW.plusSeconds(3600));
		String shard = Keys.due(Keys.dueShard("T1"));

		this.queue.claimDue(NOW, LEASE, 10);
		assertThat(template.opsForZSet().score(shard, "T1")).isEqualTo((double) NOW.plus(LEASE).toEpochMilli());
		this.queue.complete(this.refresh);
		this.queue.claimDue(NOW.plus(LEASE), LEASE, 10);
		assertThat(template.opsForZSet().score(shard, "T1")).isEqualTo((double) NOW.plusSeconds(3600).toEpochMilli());

		this.queue.complete(this.close);
		assertThat(this.queue.claimDue(NOW.plusSeconds(3600), LEASE, 10)).isEmpty();
		assertThat(template.hasKey(shard)).isFalse();
	}

	@Test
	void aJobWhoseIndexEntryWasLostOrLeftLateIsFoundAfterTheRepair() {
		this.queue.schedule(this.close, NOW.plusSeconds(3600));
		this.queue.schedule(this.refresh, NOW);
		Job other = new Job(Job.Kind.ANNOUNCE, new CutRef("T2", new CutId("K7M2Q")));
		this.queue.schedule(other, NOW);
		// An instance died between a job and its index entry: T1's says an hour from now,
		// T2's is gone.
		template.opsForZSet().add(Keys.due(Keys.dueShard("T1")), "T1", NOW.plusSeconds(3600).toEpochMilli());
		template.opsForZSet().remove(Keys.due(Keys.dueShard("T2")), "T2");
		assertThat(this.queue.claimDue(NOW, LEASE, 10)).as("the first claim repairs: the repair is due at start-up")
			.containsExactlyInAnyOrder(this.refresh, other);
		assertThat(this.queue.repairIndex()).isEqualTo(2);
	}

	@Test
	void aJobScheduledBetweenAClaimAndItsIndexUpdateIsNotHiddenByIt() {
		this.queue.schedule(this.close, NOW.plusSeconds(3600));
		this.queue.schedule(this.refresh, NOW);
		String shard = Keys.due(Keys.dueShard("T1"));
		DueIndex.Entry read = new DueIndex.Entry("T1", NOW.toEpochMilli());
		// The claim of the refresh found the close next; an announcement is scheduled
		// before the claimant updates the index.
		template.opsForZSet().add(Keys.jobs("T1"), RedisJobQueue.member(this.refresh), NOW.plus(LEASE).toEpochMilli());
		Job announce = new Job(Job.Kind.ANNOUNCE, this.refresh.cut());
		template.opsForZSet().add(Keys.jobs("T1"), RedisJobQueue.member(announce), NOW.toEpochMilli());

		this.index.settle(read, NOW.plusSeconds(3600).toEpochMilli());

		assertThat(template.opsForZSet().score(shard, "T1")).isEqualTo((double) NOW.toEpochMilli());
	}

	@Test
	void anIndexEntryLoweredMeanwhileIsNotRaisedByAClaimant() {
		String shard = Keys.due(Keys.dueShard("T1"));
		template.opsForZSet().add(shard, "T1", NOW.minusSeconds(5).toEpochMilli());

		this.index.settle(new DueIndex.Entry("T1", NOW.toEpochMilli()), NOW.plusSeconds(3600).toEpochMilli());

		assertThat(template.opsForZSet().score(shard, "T1")).isEqualTo((double) NOW.minusSeconds(5).toEpochMilli());
	}

	@Test
	void theSingleQueueOfAnEarlierVersionIsMovedIntoTheWorkspacesQueuesKeepingEveryTime() {
		template.opsForZSet().add(Keys.LEGACY_JOBS, "CLOSE|T1|K7M2Q", NOW.plusSeconds(3600).toEpochMilli());
		template.opsForZSet()
			.add(Keys.LEGACY_JOBS, "REMIND_ONE|T2|K7M2Q|S1700000000 U1", NOW.minusSeconds(5).toEpochMilli());
		// Claimed by an instance of the earlier version, which may still run
		// it: left to that instance.
		template.opsForZSet().add(Keys.LEGACY_JOBS, "ANNOUNCE|T3|K7M2Q", NOW.plusSeconds(20).toEpochMilli());

		List<Job> claimed = this.queue.claimDue(NOW, LEASE, 10);

		assertThat(claimed).containsExactly(RedisJobQueue.job("REMIND_ONE|T2|K7M2Q|S1700000000 U1"));
		assertThat(template.opsForZSet().score(Keys.jobs("T1"), "CLOSE|T1|K7M2Q"))
			.isEqualTo((double) NOW.plusSeconds(3600).toEpochMilli());
		assertThat(template.opsForZSet().range(Keys.LEGACY_JOBS, 0, -1)).containsExactly("ANNOUNCE|T3|K7M2Q");
		this.queue.complete(claimed.get(0));
		assertThat(this.queue.moveLegacyJobs(NOW.plusSeconds(21).toEpochMilli(), LEASE)).isOne();
		assertThat(template.hasKey(Keys.LEGACY_JOBS)).isFalse();
		assertThat(this.queue.claimDue(NOW.plusSeconds(3600), LEASE, 10)).extracting(Job::kind)
			.containsExactlyInAnyOrder(Job.Kind.CLOSE, Job.Kind.ANNOUNCE);
	}

	@Test
	void aMoveRepeatedAfterACrashAddsNothingEvenOnceTheJobHasRun() {
		template.opsForZSet().add(Keys.LEGACY_JOBS, "ANNOUNCE|T1|K7M2Q", NOW.toEpochMilli());
		long held = NOW.plus(LEASE).toEpochMilli();
		// The first mover held the job and added it to its workspace, then died before
		// taking it out of the single queue; the job has run since.
		template.execute(Scripts.MOVE_IF_SCORE, List.of(Keys.LEGACY_JOBS), "ANNOUNCE|T1|K7M2Q",
				Long.toString(NOW.toEpochMilli()), Long.toString(held));
		template.execute(Scripts.MOVE_LEGACY_JOB, List.of(Keys.jobs("T1"), Keys.jobsMoved("T1")), "ANNOUNCE|T1|K7M2Q",
				Long.toString(NOW.toEpochMilli()), Long.toString(NOW.toEpochMilli()), Long.toString(held), "604800");
		template.delete(Keys.jobs("T1"));

		assertThat(this.queue.moveLegacyJobs(held, LEASE)).isOne();

		assertThat(template.hasKey(Keys.LEGACY_JOBS)).isFalse();
		assertThat(template.hasKey(Keys.jobs("T1"))).as("not added again").isFalse();
	}

	@Test
	void eachClaimedJobSaysHowLateItWasClaimed() {
		Map<Job.Kind, Duration> late = new ConcurrentHashMap<>();
		RedisJobQueue measured = new RedisJobQueue(template, new RedisGuard(), this.index, new Metrics() {
			@Override
			public void jobClaimed(Job.Kind kind, Duration lateness) {
				late.put(kind, lateness);
			}
		}, Clock.fixed(NOW, ZoneOffset.UTC), ReplicaWait.off());
		measured.schedule(this.refresh, NOW.minusSeconds(7));
		measured.schedule(this.close, NOW);

		assertThat(measured.claimDue(NOW, LEASE, 10)).containsExactlyInAnyOrder(this.refresh, this.close);
		assertThat(late).containsEntry(Job.Kind.REFRESH, Duration.ofSeconds(7))
			.containsEntry(Job.Kind.CLOSE, Duration.ZERO);
	}

	@Test
	void theDueGaugeCountsDueUnclaimedJobsOfEveryWorkspaceAndOfTheSingleQueue() {
		StoreMeters meters = new StoreMeters(template, this.index, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
		assertThat(meters.jobsDue()).isZero();
		this.queue.schedule(this.refresh, NOW.minusSeconds(1));
		this.queue.schedule(this.close, NOW.plusSeconds(60));
		this.queue.schedule(new Job(Job.Kind.CLOSE, new CutRef("T2", new CutId("K7M2Q"))), NOW);
		template.opsForZSet().add(Keys.LEGACY_JOBS, "CLOSE|T3|K7M2Q", NOW.minusSeconds(5).toEpochMilli());

		assertThat(meters.jobsDue()).isEqualTo(3);
		this.queue.claimDue(NOW, LEASE, 1);
		assertThat(meters.jobsDue()).isEqualTo(2);
	}

	@Test
	void aJobItsRunNeitherCompletedNorMovedFallsDueAgainWithinSecondsOfItsRelease() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.claimDue(NOW, LEASE, 10);

		this.queue.release(this.refresh);

		assertThat(this.queue.claimDue(NOW.plus(RedisJobQueue.RETRY_AFTER), LEASE, 10)).containsExactly(this.refresh);
	}

	@Test
	void aReleasedJobThatWasCompletedOrMovedStaysAsItsRunLeftIt() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.schedule(this.close, NOW);
		this.queue.claimDue(NOW, LEASE, 10);
		this.queue.complete(this.refresh);
		this.queue.reschedule(this.close, NOW.plusSeconds(60));

		this.queue.release(this.refresh);
		this.queue.release(this.close);

		assertThat(this.queue.claimDue(NOW.plus(RedisJobQueue.RETRY_AFTER), LEASE, 10)).isEmpty();
		assertThat(template.opsForZSet().score(Keys.jobs("T1"), RedisJobQueue.member(this.close)))
			.isEqualTo(NOW.plusSeconds(60).toEpochMilli());
	}

	@Test
	void aJobWhoseRunFoundRedisAwayIsHandedBackOnceRedisAnswersWithinItsLease() {
		try (StoppableRedis away = StoppableRedis.start()) {
			RedisJobQueue queue = new RedisJobQueue(away.template(), new RedisGuard(),
					new DueIndex(away.template(), new RedisGuard()), Metrics.NONE, Clock.fixed(NOW, ZoneOffset.UTC),
					ReplicaWait.off());
			queue.schedule(this.refresh, NOW);
			queue.claimDue(NOW, LEASE, 10);

			away.stop();
			queue.release(this.refresh);
			away.restart();

			AtomicLong second = new AtomicLong();
			await("claimed again, well within its lease").atMost(Duration.ofSeconds(20))
				.ignoreException(StoreUnavailableException.class)
				.until(() -> queue.claimDue(NOW.plusSeconds(second.incrementAndGet()), LEASE, 10)
					.contains(this.refresh));
		}
	}

	@Test
	void aCompletionRedisDidNotTakeIsDoneOnceItAnswersSoTheJobDoesNotRunAgain() {
		try (StoppableRedis away = StoppableRedis.start()) {
			RedisJobQueue queue = new RedisJobQueue(away.template(), new RedisGuard(),
					new DueIndex(away.template(), new RedisGuard()), Metrics.NONE, Clock.fixed(NOW, ZoneOffset.UTC),
					ReplicaWait.off());
			queue.schedule(this.refresh, NOW);
			queue.claimDue(NOW, LEASE, 10);

			away.stop();
			assertThatThrownBy(() -> queue.complete(this.refresh)).isInstanceOf(StoreUnavailableException.class);
			queue.release(this.refresh);
			away.restart();

			AtomicLong second = new AtomicLong();
			await("the completion taken").atMost(Duration.ofSeconds(20))
				.ignoreException(StoreUnavailableException.class)
				.until(() -> {
					assertThat(queue.claimDue(NOW.plusSeconds(second.incrementAndGet()), LEASE, 10)).isEmpty();
					return !Boolean.TRUE.equals(away.template().hasKey(Keys.jobs("T1")));
				});
			assertThat(queue.claimDue(NOW.plus(LEASE).plusSeconds(1), LEASE, 10)).as("not after its lease either")
				.isEmpty();
		}
	}

	@Test
	void theJobsOfAClaimWhoseAnswerNeverCameAreHandedBackAndNoOthers() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.schedule(this.close, NOW.plusSeconds(60));
		long leaseEnd = NOW.plus(LEASE).toEpochMilli();
		// As the claim's script leaves the queue when it runs after its client gave up.
		template.execute(Scripts.CLAIM_JOBS, List.of(Keys.jobs("T1")), Long.toString(NOW.toEpochMilli()),
				Long.toString(leaseEnd), "10");

		Long released = template.execute(Scripts.RELEASE_LEASE, List.of(Keys.jobs("T1")), Long.toString(leaseEnd),
				Long.toString(NOW.plusSeconds(1).toEpochMilli()));

		assertThat(released).isEqualTo(1);
		assertThat(template.opsForZSet().score(Keys.jobs("T1"), RedisJobQueue.member(this.refresh)))
			.isEqualTo(NOW.plusSeconds(1).toEpochMilli());
		assertThat(template.opsForZSet().score(Keys.jobs("T1"), RedisJobQueue.member(this.close)))
			.isEqualTo(NOW.plusSeconds(60).toEpochMilli());
	}

}
