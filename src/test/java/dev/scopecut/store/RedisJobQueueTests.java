package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.scopecut.app.Job;
import dev.scopecut.app.Metrics;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;

class RedisJobQueueTests extends RedisStoreTest {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final Duration LEASE = Duration.ofSeconds(30);

	final RedisJobQueue queue = new RedisJobQueue(template, new RedisGuard(), Metrics.NONE);

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
		assertThat(template.hasKey(Keys.JOBS)).isFalse();
	}

	@Test
	void atMostTheAskedNumberOfJobsIsClaimed() {
		this.queue.schedule(this.refresh, NOW);
		this.queue.schedule(this.close, NOW);

		assertThat(this.queue.claimDue(NOW, LEASE, 1)).hasSize(1);
		assertThat(this.queue.claimDue(NOW, LEASE, 1)).hasSize(1);
		assertThat(this.queue.claimDue(NOW, LEASE, 1)).isEmpty();
	}

}
