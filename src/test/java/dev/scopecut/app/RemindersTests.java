package dev.scopecut.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;
import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.app.port.Job;
import dev.scopecut.app.port.JobQueue;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.ReminderMarks;
import dev.scopecut.app.port.ReminderNotifier;
import dev.scopecut.app.port.ReminderPace;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.VoterChoices;

class RemindersTests {

	static final Instant START = Instant.parse("2030-03-04T00:00:00Z");

	static final Instant DEADLINE = START.plus(Duration.ofHours(24));

	static final Instant HALFWAY = START.plus(Duration.ofHours(12));

	static final CutRef REF = new CutRef("T1", new CutId("K7M2Q"));

	static final String SLOT = "S" + HALFWAY.getEpochSecond();

	final CutStore store = mock(CutStore.class);

	final JobQueue jobs = mock(JobQueue.class);

	final CutNotifier notifier = mock(CutNotifier.class);

	final ReminderNotifier messages = mock(ReminderNotifier.class);

	final ReminderMarks marks = mock(ReminderMarks.class);

	final ReminderPace pace = mock(ReminderPace.class);

	/** What the reminders and the jobs running them counted, in order. */
	final List<String> counted = new ArrayList<>();

	final Metrics metrics = new Metrics() {

		@Override
		public void jobRun(Job.Kind kind, JobOutcome outcome) {
			RemindersTests.this.counted.add(kind + " " + outcome);
		}

		@Override
		public void reminder(ReminderOutcome outcome) {
			RemindersTests.this.counted.add("reminder " + outcome);
		}

	};

	Reminders reminders;

	/** Runs jobs as the poller does, through the real reminders. */
	CutJobs cutJobs;

	@BeforeEach
	void at() {
		at(HALFWAY.plusSeconds(5));
		// Unless a test says otherwise, the workspace has nothing else booked.
		when(this.pace.book(anyString(), any(), anyInt()))
			.thenAnswer((call) -> IntStream.range(0, call.<Integer>getArgument(2))
				.mapToObj((i) -> call.<Instant>getArgument(1).plus(ReminderPace.STEP.multipliedBy(i)))
				.toList());
	}

	void at(Instant now) {
		this.reminders = new Reminders(this.store, this.jobs, this.notifier, this.messages, this.marks, this.pace,
				Clock.fixed(now, ZoneOffset.UTC), this.metrics);
		this.cutJobs = new CutJobs(this.store, this.jobs, this.notifier, mock(CutService.class), this.reminders,
				mock(CheckIns.class), Clock.fixed(now, ZoneOffset.UTC), this.metrics);
	}

	static Cut cut(CutStatus status, List<String> voters) {
		CutSettings settings = new CutSettings("", DEADLINE, 0, 0, false, voters, false);
		return new Cut(REF, "C1", "U_ANN", "Plan", List.of(new Item(1, "a"), new Item(2, "b")), settings, status, START,
				null, "1.2");
	}

	void snapshot(Cut cut, Ballots ballots) {
		when(this.store.snapshot(REF)).thenReturn(Optional.of(new CutSnapshot(cut, ballots, 1, null)));
		when(this.store.find(REF)).thenReturn(Optional.of(cut));
	}

	@Test
	void aDueSlotQueuesOneJobForEachVoterWithItemsLeftOnTheWorkspacesBookedStepsThenWaitsForTheNextSlot() {
		snapshot(cut(CutStatus.OPEN, List.of("U_DONE", "U_HALF", "U_NONE")), new Ballots(
				Map.of("U_DONE", Map.of(1, Choice.SHIP, 2, Choice.DEFER), "U_HALF", Map.of(1, Choice.SHIP))));
		Instant now = HALFWAY.plusSeconds(5);
		Instant first = now.plusSeconds(30);
		when(this.pace.book("T1", now, 2)).thenReturn(List.of(first, first.plus(ReminderPace.STEP)));
		Job job = new Job(Job.Kind.REMIND, REF);

		this.reminders.fanOut(job);

		verify(this.jobs).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_HALF"), first);
		verify(this.jobs).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE"), first.plus(ReminderPace.STEP));
		verify(this.jobs, never()).schedule(eq(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_DONE")), any());
		verify(this.jobs).reschedule(job, DEADLINE.minus(Duration.ofHours(1)));
	}

	@Test
	void aWorkspaceThatRemovedScopecutQueuesNoOnesReminderAndBooksNoStep() {
		snapshot(cut(CutStatus.OPEN, List.of("U_NONE")), Ballots.NONE);
		doThrow(new NotifyFailedException("not_installed")).when(this.messages).requireReachable("T1");

		assertThatThrownBy(() -> this.reminders.fanOut(new Job(Job.Kind.REMIND, REF)))
			.isInstanceOf(NotifyFailedException.class);

		verify(this.jobs, never()).schedule(any(), any());
		verify(this.pace, never()).book(anyString(), any(), anyInt());
	}

	@Test
	void aSlotRunAfterTheDeadlineRemindsNobody() {
		at(DEADLINE.plusSeconds(1));
		snapshot(cut(CutStatus.OPEN, List.of("U_NONE")), Ballots.NONE);
		Job job = new Job(Job.Kind.REMIND, REF, SLOT);

		this.reminders.fanOut(job);

		verify(this.jobs, never()).schedule(any(), any());
		verify(this.pace, never()).book(anyString(), any(), anyInt());
		verify(this.jobs).complete(job);
	}

	@Test
	void anExtensionMadeWhileTheSlotFansOutMovesTheNextReminderWithTheNewDeadline() {
		Cut before = cut(CutStatus.OPEN, List.of("U_NONE"));
		snapshot(before, Ballots.NONE);
		Instant extended = DEADLINE.plus(Duration.ofDays(1));
		Cut after = new Cut(REF, "C1", "U_ANN", "Plan", before.items(),
				new CutSettings("", extended, 0, 0, false, List.of("U_NONE"), false), CutStatus.OPEN, START, null,
				"1.2");
		when(this.store.find(REF)).thenReturn(Optional.of(after));
		Job job = new Job(Job.Kind.REMIND, REF);

		this.reminders.fanOut(job);

		Instant now = HALFWAY.plusSeconds(5);
		Instant next = after.nextReminder(extended, now).orElseThrow();
		assertThat(next).isNotEqualTo(before.nextReminder(DEADLINE, now).orElseThrow());
		verify(this.jobs).reschedule(job, next);
	}

	@Test
	void aChannelWideCutWhoseMembersWereNotKnownAsksSlackForThemAtReminderTime() {
		snapshot(cut(CutStatus.OPEN, List.of()), Ballots.NONE);
		when(this.notifier.members(any())).thenReturn(Optional.of(List.of("U_LATE")));
		when(this.pace.book("T1", HALFWAY.plusSeconds(5), 1)).thenReturn(List.of(HALFWAY.plusSeconds(6)));

		this.reminders.fanOut(new Job(Job.Kind.REMIND, REF));

		verify(this.jobs).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_LATE"), HALFWAY.plusSeconds(6));
	}

	@Test
	void aClosedCutRemindsNobodyAndItsJobEnds() {
		snapshot(cut(CutStatus.CLOSED, List.of("U_NONE")), Ballots.NONE);
		Job job = new Job(Job.Kind.REMIND, REF);

		this.reminders.fanOut(job);

		verify(this.jobs).complete(job);
		verify(this.jobs, never()).schedule(any(), any());
	}

	@Test
	void aReminderAwakeInTheirZoneIsMarkedThenSent() {
		Cut cut = cut(CutStatus.OPEN, List.of("U_NONE"));
		VoterChoices mine = new VoterChoices(cut, Map.of());
		when(this.store.choicesOf(REF, "U_NONE")).thenReturn(Optional.of(mine));
		when(this.messages.timeZone("T1", "U_NONE")).thenReturn(ZoneId.of("Europe/Paris"));
		when(this.marks.mark(REF, SLOT, "U_NONE", DEADLINE.plus(Reminders.MARK_MARGIN), HALFWAY.plusSeconds(5),
				Reminders.LATELY))
			.thenReturn(ReminderMarks.Mark.MARKED);
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.cutJobs.run(job);

		verify(this.messages).remind(mine, "U_NONE");
		verify(this.jobs).complete(job);
		assertThat(this.counted).containsExactly("reminder SENT", "REMIND_ONE DONE");
	}

	@ParameterizedTest
	@EnumSource(names = { "ALREADY_MARKED", "REMINDED_LATELY", "NOT_OPEN" })
	void aReminderTheMarkRefusesIsNotSent(ReminderMarks.Mark refused) {
		when(this.store.choicesOf(REF, "U_NONE"))
			.thenReturn(Optional.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of())));
		when(this.messages.timeZone(anyString(), anyString())).thenReturn(ZoneOffset.UTC);
		when(this.marks.mark(any(), anyString(), anyString(), any(), any(), any())).thenReturn(refused);
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.cutJobs.run(job);

		verify(this.messages, never()).remind(any(), anyString());
		verify(this.jobs).complete(job);
		assertThat(this.counted).containsExactly("reminder SKIPPED", "REMIND_ONE DONE");
	}

	@Test
	void aPersonsReminderRunAfterTheDeadlineIsDropped() {
		at(DEADLINE);
		when(this.store.choicesOf(REF, "U_NONE"))
			.thenReturn(Optional.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of())));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.reminders.remindOne(job);

		verify(this.jobs).complete(job);
		verify(this.marks, never()).mark(any(), anyString(), anyString(), any(), any(), any());
		verify(this.messages, never()).remind(any(), anyString());
	}

	@Test
	void duringQuietHoursTheJobMovesToAStepBookedFromTheirMorningAndNothingIsMarked() {
		at(Instant.parse("2030-03-04T13:00:00Z"));
		when(this.store.choicesOf(REF, "U_NONE"))
			.thenReturn(Optional.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of())));
		when(this.messages.timeZone("T1", "U_NONE")).thenReturn(ZoneId.of("Asia/Tokyo"));
		Instant morning = Instant.parse("2030-03-04T23:00:00Z");
		when(this.pace.book("T1", morning, 1)).thenReturn(List.of(morning.plusSeconds(12)));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.cutJobs.run(job);

		verify(this.jobs).reschedule(job, morning.plusSeconds(12));
		verify(this.marks, never()).mark(any(), anyString(), anyString(), any(), any(), any());
		assertThat(this.counted).containsExactly("reminder HELD", "REMIND_ONE DONE");
	}

	@Test
	void someoneWhoVotedOnEveryItemSinceTheFanOutGetsNothing() {
		when(this.store.choicesOf(REF, "U_NONE")).thenReturn(Optional
			.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of(1, Choice.SHIP, 2, Choice.SHIP))));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.cutJobs.run(job);

		verify(this.jobs).complete(job);
		verify(this.messages, never()).remind(any(), anyString());
		assertThat(this.counted).containsExactly("reminder SKIPPED", "REMIND_ONE DONE");
	}

	@Test
	void aSendSlackRateLimitedTakesItsMarkBackAndMovesToAStepBookedAfterTheWait() {
		Cut cut = cut(CutStatus.OPEN, List.of("U_NONE"));
		when(this.store.choicesOf(REF, "U_NONE")).thenReturn(Optional.of(new VoterChoices(cut, Map.of())));
		when(this.messages.timeZone(anyString(), anyString())).thenReturn(ZoneOffset.UTC);
		when(this.marks.mark(any(), anyString(), anyString(), any(), any(), any()))
			.thenReturn(ReminderMarks.Mark.MARKED);
		doThrow(new RetryLaterException("rate limited (429)", Duration.ofSeconds(3))).when(this.messages)
			.remind(any(), anyString());
		Instant afterTheWait = HALFWAY.plusSeconds(5 + 3);
		when(this.pace.book("T1", afterTheWait, 1)).thenReturn(List.of(afterTheWait.plusSeconds(2)));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.cutJobs.run(job);

		verify(this.marks).unmark(REF, SLOT, "U_NONE");
		// Once, at the free step: not again at the bare end of the wait.
		verify(this.jobs).reschedule(eq(job), any());
		verify(this.jobs).reschedule(job, afterTheWait.plusSeconds(2));
		verify(this.jobs, never()).complete(job);
		// Retried, and no reminder counted until it is sent, held or skipped.
		assertThat(this.counted).containsExactly("REMIND_ONE RETRIED");
	}

	@Test
	void aTimeZoneSlackWillNotGiveYetMovesTheReminderAfterTheWaitUnmarked() {
		when(this.store.choicesOf(REF, "U_NONE"))
			.thenReturn(Optional.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of())));
		when(this.messages.timeZone(anyString(), anyString()))
			.thenThrow(new RetryLaterException("users.info held off after a 429", Duration.ofSeconds(40)));
		Instant afterTheWait = HALFWAY.plusSeconds(5 + 40);
		when(this.pace.book("T1", afterTheWait, 1)).thenReturn(List.of(afterTheWait));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.cutJobs.run(job);

		verify(this.jobs).reschedule(job, afterTheWait);
		verify(this.marks, never()).mark(any(), anyString(), anyString(), any(), any(), any());
		assertThat(this.counted).containsExactly("REMIND_ONE RETRIED");
	}

	@Test
	void onlyTheFacilitatorRemindsByHandAndOnlyWhileOpen() {
		when(this.marks.markByHand(any(), any(), any())).thenReturn(Optional.empty());
		assertThat(this.reminders.remindNow(cut(CutStatus.OPEN, List.of()), "U_BOB").outcome())
			.isEqualTo(Reminders.Asked.Outcome.NOT_FACILITATOR);
		assertThat(this.reminders.remindNow(cut(CutStatus.CANCELLED, List.of()), "U_ANN").outcome())
			.isEqualTo(Reminders.Asked.Outcome.NOT_OPEN);
		verify(this.jobs, never()).schedule(any(), any());

		assertThat(this.reminders.remindNow(cut(CutStatus.OPEN, List.of()), "U_ANN").outcome())
			.isEqualTo(Reminders.Asked.Outcome.SENDING);
		verify(this.jobs).schedule(new Job(Job.Kind.REMIND, REF, "M" + (HALFWAY.getEpochSecond())),
				HALFWAY.plusSeconds(5));
	}

	@Test
	void aReminderByHandSaysWhomItReachesNowWhoWaitsForTheirMorningAndWhoWasRemindedLately() {
		// At 12:00:05 UTC: Tokyo is at night, Paris at work.
		snapshot(cut(CutStatus.OPEN, List.of("U_DONE", "U_PARIS", "U_TOKYO", "U_LATELY", "U_UNKNOWN")), new Ballots(
				Map.of("U_DONE", Map.of(1, Choice.SHIP, 2, Choice.DEFER), "U_PARIS", Map.of(1, Choice.SHIP))));
		Instant now = HALFWAY.plusSeconds(5);
		when(this.marks.markByHand(any(), any(), any())).thenReturn(Optional.empty());
		when(this.marks.remindedLately(REF, List.of("U_PARIS", "U_TOKYO", "U_LATELY", "U_UNKNOWN"), now,
				Reminders.LATELY))
			.thenReturn(Set.of("U_LATELY"));
		when(this.messages.knownTimeZones("T1", List.of("U_PARIS", "U_TOKYO", "U_UNKNOWN")))
			.thenReturn(Map.of("U_PARIS", ZoneId.of("Europe/Paris"), "U_TOKYO", ZoneId.of("Asia/Tokyo")));

		Reminders.Asked asked = this.reminders.remindNow(cut(CutStatus.OPEN, List.of()), "U_ANN");

		assertThat(asked.outcome()).isEqualTo(Reminders.Asked.Outcome.SENDING);
		assertThat(asked.reach()).isEqualTo(new Reminders.Reach(2, 1, 1, 1));
		assertThat(asked.reach().left()).isEqualTo(4);
	}

	@Test
	void aReminderByHandSoonAfterAnotherOfTheSameCutSendsNothingAndSaysWhenTheNextMayGo() {
		Instant next = HALFWAY.plus(Reminders.BY_HAND_EVERY);
		when(this.marks.markByHand(REF, HALFWAY.plusSeconds(5), Reminders.BY_HAND_EVERY)).thenReturn(Optional.of(next));

		assertThat(this.reminders.remindNow(cut(CutStatus.OPEN, List.of()), "U_ANN"))
			.isEqualTo(new Reminders.Asked(Reminders.Asked.Outcome.TOO_SOON, next));
		verify(this.jobs, never()).schedule(any(), any());
	}

}
