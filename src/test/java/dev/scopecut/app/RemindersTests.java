package dev.scopecut.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;

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

	Reminders reminders;

	@BeforeEach
	void at() {
		at(HALFWAY.plusSeconds(5));
	}

	void at(Instant now) {
		this.reminders = new Reminders(this.store, this.jobs, this.notifier, this.messages, this.marks,
				Clock.fixed(now, ZoneOffset.UTC));
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
	void aDueSlotQueuesOnePacedJobForEachVoterWithItemsLeftThenWaitsForTheNextSlot() {
		snapshot(cut(CutStatus.OPEN, List.of("U_DONE", "U_HALF", "U_NONE")), new Ballots(
				Map.of("U_DONE", Map.of(1, Choice.SHIP, 2, Choice.DEFER), "U_HALF", Map.of(1, Choice.SHIP))));
		Job job = new Job(Job.Kind.REMIND, REF);

		this.reminders.fanOut(job);

		Instant now = HALFWAY.plusSeconds(5);
		verify(this.jobs).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_HALF"), now);
		verify(this.jobs).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE"), now.plus(Reminders.PACE));
		verify(this.jobs, never()).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_DONE"), now);
		verify(this.jobs).reschedule(job, DEADLINE.minus(Duration.ofHours(1)));
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

		this.reminders.fanOut(new Job(Job.Kind.REMIND, REF));

		verify(this.jobs).schedule(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_LATE"), HALFWAY.plusSeconds(5));
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
		when(this.marks.mark(REF, SLOT, "U_NONE", DEADLINE.plus(Reminders.MARK_MARGIN)))
			.thenReturn(ReminderMarks.Mark.MARKED);
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.reminders.remindOne(job);

		verify(this.messages).remind(mine, "U_NONE");
		verify(this.jobs).complete(job);
	}

	@Test
	void aReminderAlreadyMarkedIsNotSentAgain() {
		when(this.store.choicesOf(REF, "U_NONE"))
			.thenReturn(Optional.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of())));
		when(this.messages.timeZone(anyString(), anyString())).thenReturn(ZoneOffset.UTC);
		when(this.marks.mark(any(), anyString(), anyString(), any())).thenReturn(ReminderMarks.Mark.ALREADY_MARKED);

		this.reminders.remindOne(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE"));

		verify(this.messages, never()).remind(any(), anyString());
	}

	@Test
	void duringQuietHoursTheJobMovesToTheirMorningAndNothingIsMarked() {
		at(Instant.parse("2030-03-04T13:00:00Z"));
		when(this.store.choicesOf(REF, "U_NONE"))
			.thenReturn(Optional.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of())));
		when(this.messages.timeZone("T1", "U_NONE")).thenReturn(ZoneId.of("Asia/Tokyo"));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.reminders.remindOne(job);

		Instant morning = Instant.parse("2030-03-04T23:00:00Z");
		verify(this.jobs).reschedule(job, Reminders.spread(morning, "U_NONE", DEADLINE));
		verify(this.marks, never()).mark(any(), anyString(), anyString(), any());
	}

	@Test
	void remindersHeldUntilOneMorningAreSpreadOverAMinuteNeverPastTheDeadline() {
		Instant morning = Instant.parse("2030-03-04T23:00:00Z");
		Set<Instant> times = IntStream.range(0, 200)
			.mapToObj((i) -> Reminders.spread(morning, "U" + i, DEADLINE))
			.collect(Collectors.toSet());

		assertThat(times).hasSizeGreaterThan(30)
			.allSatisfy((at) -> assertThat(at).isBetween(morning, morning.plus(Reminders.MORNING_SPREAD)));
		assertThat(Reminders.spread(morning, "U1", morning.plusSeconds(1))).isEqualTo(morning);
	}

	@Test
	void someoneWhoVotedOnEveryItemSinceTheFanOutGetsNothing() {
		when(this.store.choicesOf(REF, "U_NONE")).thenReturn(Optional
			.of(new VoterChoices(cut(CutStatus.OPEN, List.of("U_NONE")), Map.of(1, Choice.SHIP, 2, Choice.SHIP))));
		Job job = new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE");

		this.reminders.remindOne(job);

		verify(this.jobs).complete(job);
		verify(this.messages, never()).remind(any(), anyString());
	}

	@Test
	void aSendSlackRateLimitedTakesItsMarkBackSoTheRetryCanSend() {
		Cut cut = cut(CutStatus.OPEN, List.of("U_NONE"));
		when(this.store.choicesOf(REF, "U_NONE")).thenReturn(Optional.of(new VoterChoices(cut, Map.of())));
		when(this.messages.timeZone(anyString(), anyString())).thenReturn(ZoneOffset.UTC);
		when(this.marks.mark(any(), anyString(), anyString(), any())).thenReturn(ReminderMarks.Mark.MARKED);
		org.mockito.Mockito.doThrow(new RetryLaterException("rate limited (429)", Duration.ofSeconds(3)))
			.when(this.messages)
			.remind(any(), anyString());

		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> this.reminders.remindOne(new Job(Job.Kind.REMIND_ONE, REF, SLOT + " U_NONE")));

		verify(this.marks).unmark(REF, SLOT, "U_NONE");
	}

	@Test
	void onlyTheFacilitatorRemindsByHandAndOnlyWhileOpen() {
		assertThat(this.reminders.remindNow(cut(CutStatus.OPEN, List.of()), "U_BOB"))
			.isEqualTo(Reminders.Asked.NOT_FACILITATOR);
		assertThat(this.reminders.remindNow(cut(CutStatus.CANCELLED, List.of()), "U_ANN"))
			.isEqualTo(Reminders.Asked.NOT_OPEN);
		verify(this.jobs, never()).schedule(any(), any());

		assertThat(this.reminders.remindNow(cut(CutStatus.OPEN, List.of()), "U_ANN"))
			.isEqualTo(Reminders.Asked.SENDING);
		verify(this.jobs).schedule(new Job(Job.Kind.REMIND, REF, "M" + (HALFWAY.getEpochSecond())),
				HALFWAY.plusSeconds(5));
	}

}
