package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CheckInStore;
import dev.scopecut.app.port.InsertOutcome;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.ReminderPlan;

class RedisCheckInsTests extends RedisStoreTest {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2026-12-09");

	static final CutRef REF = new CutRef("T1", new CutId("K7M2Q"));

	static final Duration RETENTION = Duration.ofDays(90);

	static final Duration LEASE = Duration.ofSeconds(30);

	static final Job ASK = new Job(Job.Kind.CHECK_IN, REF);

	RedisCutStore cuts;

	RedisCheckIns checkIns;

	RedisJobQueue queue;

	@BeforeEach
	void stores() {
		StoreProperties properties = new StoreProperties(RETENTION, null, Duration.ofMillis(250));
		DueIndex index = new DueIndex(template, new RedisGuard());
		this.cuts = new RedisCutStore(template, new RedisGuard(), properties, index, ReplicaWait.off(), shared);
		this.checkIns = new RedisCheckIns(template, new RedisGuard(), index, ReplicaWait.off(), properties);
		this.queue = queue();
	}

	private static RedisJobQueue queue() {
		return new RedisJobQueue(template, new RedisGuard(), new DueIndex(template, new RedisGuard()), Metrics.NONE,
				Clock.fixed(NOW, ZoneOffset.UTC), ReplicaWait.off());
	}

	/** A cut of Ann's with a check-in on {@link #DAY}, stored open. */
	private Cut insert() {
		CutDraft draft = new CutDraft("Sharing app 0.1", List.of("email signup", "share link"),
				new CutSettings("Will people share a link?", NOW.plus(Duration.ofHours(24)), 0, 0, false, List.of(),
						false, ReminderPlan.NONE, DAY));
		Cut cut = Cut.open(REF, "C1", "U_ANN", draft, NOW);
		assertThat(this.cuts.insert(cut, JobChanges.NONE)).isEqualTo(InsertOutcome.INSERTED);
		return cut;
	}

	/** Closes the cut as CutService does, with its check-in's job. */
	private void close() {
		assertThat(
				this.cuts.finish(REF, CutStatus.CLOSED, NOW, JobChanges.NONE.schedule(ASK, CheckIn.earliestAsk(DAY))))
			.isTrue();
	}

	private Cut read() {
		return this.cuts.find(REF).orElseThrow();
	}

	private Double askScore() {
		return template.opsForZSet().score(Keys.jobs("T1"), RedisJobQueue.member(ASK));
	}

	@Test
	void theCheckInDayReadsBackAndTheCloseSchedulesItsAskAndKeepsTheCutUntilThenAndTheRetentionAfter() {
		insert();
		assertThat(read().checkIn()).isEqualTo(CheckIn.on(DAY));

		close();

		assertThat(askScore()).isEqualTo((double) CheckIn.earliestAsk(DAY).toEpochMilli());
		assertThat(read().checkInPending()).isTrue();
		long ttl = template.getExpire(Keys.cut(REF));
		assertThat(ttl).isGreaterThan(Duration.between(NOW, CheckIn.earliestAsk(DAY)).plus(RETENTION).toSeconds() - 60);
	}

	@Test
	void ofTwoInstancesClaimingTheDueAskAtOnceOneGetsItAndARunAfterALapsedLeaseSendsNothingMore() throws Exception {
		insert();
		close();
		RedisJobQueue other = queue();
		Instant due = CheckIn.earliestAsk(DAY);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<List<Job>> first = () -> this.queue.claimDue(due, LEASE, 10);
			Callable<List<Job>> second = () -> other.claimDue(due, LEASE, 10);
			List<Future<List<Job>>> claims = pool.invokeAll(List.of(first, second));
			assertThat(claims.get(0).get().size() + claims.get(1).get().size()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		// the claimant marks the ask before sending it, then dies: the lease lapses
		assertThat(this.checkIns.markAsked(REF, DAY)).isTrue();
		assertThat(other.claimDue(due.plus(LEASE), LEASE, 10)).containsExactly(ASK);
		assertThat(this.checkIns.markAsked(REF, DAY)).as("the second run finds the ask sent").isFalse();
	}

	@Test
	void anAskSlackDidNotTakeIsUnmarkedSoTheRetrySends() {
		insert();
		close();

		assertThat(this.checkIns.markAsked(REF, DAY)).isTrue();
		this.checkIns.unmarkAsked(REF, DAY);

		assertThat(this.checkIns.markAsked(REF, DAY)).isTrue();
	}

	@Test
	void notYetMovesTheNextAskAWeekOnReschedulesItsJobAndKeepsTheCutLongEnough() {
		insert();
		close();
		this.checkIns.markAsked(REF, DAY);
		LocalDate next = DAY.plusDays(CheckIn.ASK_AGAIN_DAYS);
		Instant at = CheckIn.earliestAsk(DAY);
		// as if the retention had nearly run out by the time of the answer
		template.expire(Keys.cut(REF), Duration.ofDays(1));

		CheckInStore.Outcome outcome = this.checkIns.postpone(REF, "U_ANN", DAY, next, at,
				JobChanges.NONE.reschedule(ASK, CheckIn.earliestAsk(next)));

		assertThat(outcome).isEqualTo(CheckInStore.Outcome.DONE);
		assertThat(read().checkIn()).isEqualTo(new CheckIn(next, 1, null));
		assertThat(read().checkInPending()).isTrue();
		assertThat(askScore()).isEqualTo((double) CheckIn.earliestAsk(next).toEpochMilli());
		assertThat(template.getExpire(Keys.cut(REF)))
			.isGreaterThan(Duration.between(at, CheckIn.earliestAsk(next)).plus(RETENTION).toSeconds() - 60);
		assertThat(this.checkIns.markAsked(REF, next)).as("the new day is asked once more").isTrue();
	}

	@Test
	void aSecondNotYetToTheSameAskChangesNothing() {
		insert();
		close();
		this.checkIns.markAsked(REF, DAY);
		LocalDate next = DAY.plusDays(CheckIn.ASK_AGAIN_DAYS);
		this.checkIns.postpone(REF, "U_ANN", DAY, next, NOW,
				JobChanges.NONE.reschedule(ASK, CheckIn.earliestAsk(next)));

		// read after the first moved it: the new day has not been asked yet
		assertThat(this.checkIns.postpone(REF, "U_ANN", next, next.plusDays(7), NOW,
				JobChanges.NONE.reschedule(ASK, CheckIn.earliestAsk(next.plusDays(7)))))
			.isEqualTo(CheckInStore.Outcome.ALREADY_POSTPONED);
		// read before it: the day moved meanwhile
		assertThat(this.checkIns.postpone(REF, "U_ANN", DAY, next, NOW, JobChanges.NONE))
			.isEqualTo(CheckInStore.Outcome.ALREADY_POSTPONED);
		assertThat(read().checkIn()).isEqualTo(new CheckIn(next, 1, null));
		assertThat(askScore()).isEqualTo((double) CheckIn.earliestAsk(next).toEpochMilli());
	}

	@Test
	void anAnswerIsRecordedOnlyWhileTheCheckInIsPendingAndOnlyFromTheFacilitator() {
		CheckInAnswer answer = new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "they share", NOW);
		CheckInAnswer later = new CheckInAnswer(CheckInAnswer.Kind.NOT_LEARNED, "changed my mind", NOW);
		JobChanges done = JobChanges.NONE.complete(ASK);

		assertThat(this.checkIns.answer(REF, "U_ANN", answer, done)).isEqualTo(CheckInStore.Outcome.NO_SUCH_CUT);
		insert();
		assertThat(this.checkIns.answer(REF, "U_ANN", answer, done)).as("still open")
			.isEqualTo(CheckInStore.Outcome.NOT_PENDING);
		close();
		assertThat(this.checkIns.answer(REF, "U_BOB", answer, done)).isEqualTo(CheckInStore.Outcome.NOT_FACILITATOR);
		assertThat(read().checkInPending()).isTrue();
		assertThat(askScore()).as("nothing written, the ask still waits").isNotNull();

		assertThat(this.checkIns.answer(REF, "U_ANN", answer, done)).isEqualTo(CheckInStore.Outcome.DONE);
		assertThat(this.checkIns.answer(REF, "U_ANN", later, JobChanges.NONE))
			.isEqualTo(CheckInStore.Outcome.NOT_PENDING);

		assertThat(read().checkIn().answer()).isEqualTo(answer);
		assertThat(askScore()).isNull();
		assertThat(this.checkIns.markAsked(REF, DAY)).as("an answered check-in is not asked").isFalse();
	}

	@Test
	void aCancelledCutsCheckInTakesNoAnswer() {
		insert();
		this.cuts.finish(REF, CutStatus.CANCELLED, NOW, JobChanges.NONE);

		assertThat(this.checkIns.answer(REF, "U_ANN", new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "", NOW),
				JobChanges.NONE))
			.isEqualTo(CheckInStore.Outcome.NOT_PENDING);
		assertThat(this.checkIns.markAsked(REF, DAY)).isFalse();
		assertThat(read().checkInPending()).isFalse();
	}

	@Test
	void theDecisionAndTheAskingMessageAreRemembered() {
		assertThat(this.checkIns.decisionTs(REF)).isEmpty();
		insert();

		this.checkIns.attachDecision(REF, "1741000000.000200");
		this.checkIns.attachAsk(REF, "D0ANN", "1741000000.000300");

		assertThat(this.checkIns.decisionTs(REF)).contains("1741000000.000200");
		assertThat(this.checkIns.ask(REF)).contains("D0ANN 1741000000.000300");
	}

}
