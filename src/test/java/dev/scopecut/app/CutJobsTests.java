package dev.scopecut.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class CutJobsTests {

	private static final Instant NOW = Instant.parse("2030-01-01T09:00:00Z");

	private static final Instant DEADLINE = NOW.plus(Duration.ofHours(2));

	private static final CutRef REF = new CutRef("T0123ABCD", new CutId("K7M2Q"));

	private static final Job REFRESH = new Job(Job.Kind.REFRESH, REF);

	private static final Job ANNOUNCE = new Job(Job.Kind.ANNOUNCE, REF);

	private static final Job CLOSE = new Job(Job.Kind.CLOSE, REF);

	private static final Job COUNT_MEMBERS = new Job(Job.Kind.COUNT_MEMBERS, REF);

	private final MutableClock clock = new MutableClock(NOW);

	private CutStore store;

	private JobQueue jobs;

	private CutNotifier notifier;

	private CutService service;

	private CutJobs cutJobs;

	@BeforeEach
	void setUp() {
		this.store = mock(CutStore.class);
		this.jobs = mock(JobQueue.class);
		this.notifier = mock(CutNotifier.class);
		this.service = mock(CutService.class);
		this.cutJobs = new CutJobs(this.store, this.jobs, this.notifier, this.service, mock(Reminders.class),
				mock(CheckIns.class), this.clock, Metrics.NONE);
	}

	@ParameterizedTest(name = "{0} ms after the last update")
	@ValueSource(longs = { 0, 1, 400, 999 })
	void refreshWithinASecondOfTheLastUpdateWaitsUntilASecondAfterIt(long sinceShownMillis) {
		Instant shownAt = NOW.minusMillis(sinceShownMillis);
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.OPEN, 4, shownAt)));

		this.cutJobs.run(REFRESH);

		verify(this.jobs).reschedule(REFRESH, shownAt.plusSeconds(1));
		verifyNoMoreInteractions(this.jobs);
		verifyNoInteractions(this.notifier);
		verify(this.store, never()).markShown(any(), any(), anyLong());
	}

	@ParameterizedTest(name = "{0} ms after the last update")
	@ValueSource(longs = { 1000, 1001, 60_000 })
	void refreshASecondOrMoreAfterTheLastUpdateUpdatesTheMessage(long sinceShownMillis) {
		CutSnapshot snapshot = snapshot(CutStatus.OPEN, 4, NOW.minusMillis(sinceShownMillis));
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot));
		given(this.store.version(REF)).willReturn(4L);

		this.cutJobs.run(REFRESH);

		verify(this.notifier).update(snapshot);
		verify(this.store).markShown(REF, NOW, 4);
		verify(this.jobs).complete(REFRESH);
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void refreshUpdatesTheMessageMarksItShownAndCompletesTheJob() {
		CutSnapshot snapshot = snapshot(CutStatus.OPEN, 4, null);
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot));
		given(this.store.version(REF)).willReturn(4L);

		this.cutJobs.run(REFRESH);

		InOrder order = inOrder(this.notifier, this.store, this.jobs);
		order.verify(this.notifier).update(snapshot);
		order.verify(this.store).markShown(REF, NOW, 4);
		order.verify(this.jobs).complete(REFRESH);
		order.verify(this.store).version(REF);
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void theNextRefreshIsSpacedFromWhenSlackHadTheUpdateNotFromWhenItWasAsked() {
		CutSnapshot snapshot = snapshot(CutStatus.OPEN, 4, null);
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot));
		given(this.store.version(REF)).willReturn(5L);
		Instant answered = NOW.plusMillis(700);
		willAnswer((invocation) -> {
			this.clock.set(answered);
			return null;
		}).given(this.notifier).update(snapshot);

		this.cutJobs.run(REFRESH);

		verify(this.store).markShown(REF, answered, 4);
		verify(this.jobs).schedule(REFRESH, answered.plusSeconds(1));
	}

	@Test
	void refreshSchedulesAnotherASecondLaterWhenVotesArrivedMeanwhile() {
		CutSnapshot snapshot = snapshot(CutStatus.OPEN, 4, NOW.minusSeconds(5));
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot));
		given(this.store.version(REF)).willReturn(5L);

		this.cutJobs.run(REFRESH);

		InOrder order = inOrder(this.notifier, this.store, this.jobs);
		order.verify(this.notifier).update(snapshot);
		order.verify(this.store).markShown(REF, NOW, 4);
		order.verify(this.jobs).complete(REFRESH);
		order.verify(this.store).version(REF);
		order.verify(this.jobs).schedule(REFRESH, NOW.plusSeconds(1));
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void refreshOfACutThatIsGoneOrNotYetPostedIsDropped() {
		given(this.store.snapshot(REF)).willReturn(Optional.empty(),
				Optional.of(new CutSnapshot(cut(CutStatus.OPEN, null), Ballots.NONE, 1, null)));

		this.cutJobs.run(REFRESH);
		this.cutJobs.run(REFRESH);

		verify(this.jobs, times(2)).complete(REFRESH);
		verifyNoMoreInteractions(this.jobs);
		verifyNoInteractions(this.notifier);
	}

	@Test
	void refreshThatSlackAsksToWaitIsRescheduledAfterTheWait() {
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.OPEN, 4, null)));
		willThrow(new RetryLaterException("rate limited", Duration.ofSeconds(7))).given(this.notifier).update(any());

		this.cutJobs.run(REFRESH);

		verify(this.jobs).reschedule(REFRESH, NOW.plusSeconds(7));
		verifyNoMoreInteractions(this.jobs);
		verify(this.store, never()).markShown(any(), any(), anyLong());
	}

	@Test
	void refreshThatSlackRefusesForGoodIsCompleted() {
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.OPEN, 4, null)));
		willThrow(new NotifyFailedException("channel_not_found")).given(this.notifier).update(any());

		this.cutJobs.run(REFRESH);

		verify(this.jobs).complete(REFRESH);
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void aJobIsLeftForItsLeaseToLapseWhenTheStoreIsUnavailable() {
		given(this.store.snapshot(REF)).willThrow(new StoreUnavailableException("Redis down", null));

		this.cutJobs.run(REFRESH);
		this.cutJobs.run(ANNOUNCE);
		this.cutJobs.run(CLOSE);

		verifyNoInteractions(this.jobs, this.notifier, this.service);
	}

	@Test
	void anUnexpectedFailureIsTriedAgainAfterABackoff() {
		given(this.store.snapshot(REF)).willThrow(new IllegalStateException("bug"));

		this.cutJobs.run(REFRESH);

		verify(this.jobs).reschedule(REFRESH, NOW.plus(CutJobs.BACKOFF));
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void closeBeforeTheDeadlineWaitsForTheDeadline() {
		this.clock.set(DEADLINE.minusMillis(1));
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.OPEN, 4, null)));

		this.cutJobs.run(CLOSE);

		verify(this.jobs).reschedule(CLOSE, DEADLINE);
		verifyNoMoreInteractions(this.jobs);
		verifyNoInteractions(this.service);
	}

	@Test
	void closeAtTheDeadlineFinishesTheCutOnceEvenWhenTheJobRunsAgain() {
		this.clock.set(DEADLINE);
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.OPEN, 4, null)),
				Optional.of(snapshot(CutStatus.CLOSED, 5, null)));
		given(this.service.finished(REF, CutStatus.CLOSED)).willReturn(true);

		this.cutJobs.run(CLOSE);
		this.clock.set(DEADLINE.plusSeconds(30));
		this.cutJobs.run(CLOSE);

		verify(this.service, times(1)).finished(REF, CutStatus.CLOSED);
		verify(this.jobs, times(2)).complete(CLOSE);
		verifyNoMoreInteractions(this.jobs, this.service);
	}

	@Test
	void closeAfterTheDeadlineFinishesTheCut() {
		this.clock.set(DEADLINE.plus(Duration.ofMinutes(10)));
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.OPEN, 4, null)));

		this.cutJobs.run(CLOSE);

		InOrder order = inOrder(this.service, this.jobs);
		order.verify(this.service).finished(REF, CutStatus.CLOSED);
		order.verify(this.jobs).complete(CLOSE);
		verifyNoMoreInteractions(this.jobs);
	}

	@ParameterizedTest
	@EnumSource(value = CutStatus.class, names = { "CLOSED", "CANCELLED" })
	void closeOfACutAlreadyFinishedIsDropped(CutStatus status) {
		this.clock.set(DEADLINE.plusSeconds(1));
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(status, 4, null)));

		this.cutJobs.run(CLOSE);

		verify(this.jobs).complete(CLOSE);
		verifyNoMoreInteractions(this.jobs);
		verifyNoInteractions(this.service);
	}

	@Test
	void countMembersKeepsThemAndRefreshesTheMessageToShowThem() {
		Cut cut = cut(CutStatus.OPEN, "1700000000.000100");
		given(this.store.find(REF)).willReturn(Optional.of(cut));
		given(this.service.countMembers(cut)).willReturn(true);

		this.cutJobs.run(COUNT_MEMBERS);

		InOrder order = inOrder(this.service, this.jobs);
		order.verify(this.service).countMembers(cut);
		order.verify(this.jobs).schedule(REFRESH, NOW);
		order.verify(this.jobs).complete(COUNT_MEMBERS);
	}

	@Test
	void countMembersThatSlackAsksToWaitAgainIsRescheduledAfterTheWait() {
		Cut cut = cut(CutStatus.OPEN, "1700000000.000100");
		given(this.store.find(REF)).willReturn(Optional.of(cut));
		given(this.service.countMembers(cut))
			.willThrow(new RetryLaterException("users.list held off after a 429", Duration.ofSeconds(20)));

		this.cutJobs.run(COUNT_MEMBERS);

		verify(this.jobs).reschedule(COUNT_MEMBERS, NOW.plusSeconds(20));
		verify(this.jobs, never()).complete(any());
		verify(this.jobs, never()).schedule(any(), any());
	}

	@Test
	void countMembersThatCanNeverBeKnownIsCompletedAndTheCutCountsWhoVoted() {
		Cut cut = cut(CutStatus.OPEN, "1700000000.000100");
		given(this.store.find(REF)).willReturn(Optional.of(cut));
		given(this.service.countMembers(cut)).willReturn(false);

		this.cutJobs.run(COUNT_MEMBERS);

		verify(this.jobs).complete(COUNT_MEMBERS);
		verify(this.jobs, never()).schedule(any(), any());
	}

	@Test
	void countMembersThatSlackRefusesForGoodIsCompleted() {
		Cut cut = cut(CutStatus.OPEN, "1700000000.000100");
		given(this.store.find(REF)).willReturn(Optional.of(cut));
		given(this.service.countMembers(cut)).willThrow(new NotifyFailedException("account_inactive"));

		this.cutJobs.run(COUNT_MEMBERS);

		verify(this.jobs).complete(COUNT_MEMBERS);
		verify(this.jobs, never()).reschedule(any(), any());
	}

	@ParameterizedTest
	@EnumSource(value = CutStatus.class, names = { "CLOSED", "CANCELLED" })
	void countMembersOfAFinishedCutIsCompletedWithoutAskingSlack(CutStatus status) {
		given(this.store.find(REF)).willReturn(Optional.of(cut(status, "1700000000.000100")));

		this.cutJobs.run(COUNT_MEMBERS);

		verify(this.jobs).complete(COUNT_MEMBERS);
		verifyNoInteractions(this.service, this.notifier);
	}

	@Test
	void countMembersOfACutGoneOrAlreadyCountedIsCompletedWithoutAskingSlack() {
		this.cutJobs.run(COUNT_MEMBERS);
		given(this.store.find(REF))
			.willReturn(Optional.of(cut(CutStatus.OPEN, "1700000000.000100").withMembers(List.of("U_ANN"))));
		this.cutJobs.run(COUNT_MEMBERS);

		verify(this.jobs, times(2)).complete(COUNT_MEMBERS);
		verifyNoInteractions(this.service, this.notifier);
	}

	@Test
	void announcePostsTheDecisionOfAClosedCut() {
		CutSnapshot snapshot = snapshot(CutStatus.CLOSED, 9, NOW);
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot));

		this.cutJobs.run(ANNOUNCE);

		InOrder order = inOrder(this.notifier, this.jobs);
		order.verify(this.notifier).announce(snapshot);
		order.verify(this.jobs).complete(ANNOUNCE);
		verifyNoMoreInteractions(this.jobs);
	}

	@ParameterizedTest
	@EnumSource(value = CutStatus.class, names = { "OPEN", "CANCELLED" })
	void announceOfACutThatIsNotClosedPostsNothing(CutStatus status) {
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(status, 9, NOW)));

		this.cutJobs.run(ANNOUNCE);

		verifyNoInteractions(this.notifier);
		verify(this.jobs).complete(ANNOUNCE);
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void announceForAWorkspaceThatNoLongerHasScopecutIsDroppedNotRetried() {
		given(this.store.snapshot(REF)).willReturn(Optional.of(snapshot(CutStatus.CLOSED, 9, NOW)));
		willThrow(new NotifyFailedException("not_installed")).given(this.notifier).announce(any());

		this.cutJobs.run(ANNOUNCE);

		verify(this.jobs).complete(ANNOUNCE);
		verifyNoMoreInteractions(this.jobs);
	}

	@Test
	void announceOfACutThatIsGonePostsNothing() {
		given(this.store.snapshot(REF)).willReturn(Optional.empty());

		this.cutJobs.run(ANNOUNCE);

		verifyNoInteractions(this.notifier);
		verify(this.jobs).complete(ANNOUNCE);
	}

	private static CutSnapshot snapshot(CutStatus status, long version, Instant shownAt) {
		return new CutSnapshot(cut(status, "1700000000.000100"), Ballots.NONE, version, shownAt);
	}

	private static Cut cut(CutStatus status, String messageTs) {
		CutDraft draft = new CutDraft("Sharing app 0.1", List.of("email signup", "share link"),
				new CutSettings("", DEADLINE, 0, 0, false));
		Cut open = Cut.open(REF, "C0123ABCD", "U_FACILITATOR", draft, NOW.minus(Duration.ofHours(1)));
		Instant closedAt = (status != CutStatus.OPEN) ? DEADLINE : null;
		return new Cut(open.ref(), open.channel(), open.facilitator(), open.title(), open.items(), open.settings(),
				status, open.createdAt(), closedAt, messageTs);
	}

	/** A clock that stands still until a test moves it. */
	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
