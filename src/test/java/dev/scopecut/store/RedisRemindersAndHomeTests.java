package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.JobChanges;
import dev.scopecut.app.port.ReminderPace;
import dev.scopecut.app.port.ReminderMarks.Mark;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.ReminderPlan;

/**
 * What reminders and App Home keep in Redis: the workspace's open and closed indexes,
 * kept by the same scripts that change a cut's status; one mark per user and slot, and
 * none soon after another of the same cut; each reminder step booked once; one first
 * delivery per event id.
 */
class RedisRemindersAndHomeTests extends RedisStoreTest {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	RedisCutStore store;

	RedisReminderMarks marks;

	RedisEventDeliveries deliveries;

	RedisReminderPace pace;

	/** No "lately" at all, for tests of the slot marks alone. */
	static final Duration NEVER_LATELY = Duration.ZERO;

	@BeforeEach
	void stores() {
		this.store = new RedisCutStore(template, new RedisGuard(),
				new StoreProperties(Duration.ofDays(90), null, Duration.ofMillis(250)),
				new DueIndex(template, new RedisGuard()), ReplicaWait.off(), shared);
		this.marks = new RedisReminderMarks(template, new RedisGuard());
		this.deliveries = new RedisEventDeliveries(new FirstSightings(template, new RedisGuard()));
		this.pace = new RedisReminderPace(template, new RedisGuard());
	}

	static CutRef ref(String id) {
		return new CutRef("T1", new CutId(id));
	}

	Cut insert(String id, String channel, Instant at) {
		Cut cut = Cut.open(ref(id), channel, "U_ANN", new CutDraft("Cut " + id, List.of("a", "b"), new CutSettings("",
				at.plus(Duration.ofDays(1)), 0, 0, false, List.of(), false, ReminderPlan.LAST_HOUR)), at);
		assertThat(this.store.insert(cut, JobChanges.NONE)).isEqualTo(dev.scopecut.app.port.InsertOutcome.INSERTED);
		return cut;
	}

	@Test
	void theWorkspaceOpenIndexListsOpenCutsOfEveryChannelNewestFirstWithTheirVotes() {
		insert("AAAAA", "C1", NOW);
		insert("BBBBB", "C2", NOW.plusSeconds(1));
		insert("CCCCC", "C1", NOW.plusSeconds(2));
		this.store.vote(ref("BBBBB"), "U_BOB", 1, Choice.SHIP, NOW, JobChanges.NONE);
		this.store.finish(ref("AAAAA"), CutStatus.CANCELLED, NOW, JobChanges.NONE);

		List<CutSnapshot> open = this.store.open("T1", 10);

		assertThat(open).extracting((snapshot) -> snapshot.cut().ref().id().value()).containsExactly("CCCCC", "BBBBB");
		assertThat(open.get(1).ballots().of("U_BOB")).containsEntry(1, Choice.SHIP);
		assertThat(open.get(1).cut().settings().reminders()).isEqualTo(ReminderPlan.LAST_HOUR);
		assertThat(this.store.open("T1", 1)).hasSize(1);
		assertThat(this.store.open("T2", 10)).isEmpty();
	}

	@Test
	void theClosedIndexListsClosedCutsLatestFirstButNotCancelledOnesAndKeepsTheLatest200() {
		IntStream.range(0, RedisCutStore.CLOSED_KEPT + 3).forEach((i) -> {
			String id = "A" + "%04d".formatted(i).replace('0', 'Z').replace('1', 'Y');
			insert(id, "C1", NOW);
			this.store.finish(ref(id), (i == RedisCutStore.CLOSED_KEPT + 2) ? CutStatus.CANCELLED : CutStatus.CLOSED,
					NOW.plusSeconds(i), JobChanges.NONE);
		});

		assertThat(template.opsForZSet().size("scopecut:{T1}:closed")).isEqualTo(RedisCutStore.CLOSED_KEPT);
		List<CutSnapshot> closed = this.store.recentlyClosed("T1", 2);
		assertThat(closed).extracting((snapshot) -> snapshot.cut().closedAt())
			.containsExactly(NOW.plusSeconds(RedisCutStore.CLOSED_KEPT + 1),
					NOW.plusSeconds(RedisCutStore.CLOSED_KEPT));
		assertThat(this.store.open("T1", 10)).isEmpty();
	}

	@Test
	void aClosedCutWhoseKeysExpiredIsSkipped() {
		insert("AAAAA", "C1", NOW);
		this.store.finish(ref("AAAAA"), CutStatus.CLOSED, NOW, JobChanges.NONE);
		template.delete("scopecut:{T1}:cut:AAAAA");

		assertThat(this.store.recentlyClosed("T1", 10)).isEmpty();
	}

	@Test
	void aReminderIsMarkedOncePerUserAndSlotUntilTakenBack() {
		insert("AAAAA", "C1", NOW);
		Instant until = Instant.now().plus(Duration.ofDays(2));

		assertThat(this.marks.mark(ref("AAAAA"), "S1", "U_BOB", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.MARKED);
		assertThat(this.marks.mark(ref("AAAAA"), "S1", "U_BOB", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.ALREADY_MARKED);
		assertThat(this.marks.mark(ref("AAAAA"), "S2", "U_BOB", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.MARKED);
		assertThat(this.marks.mark(ref("AAAAA"), "S1", "U_CAT", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.MARKED);
		long ttl = template.getExpire("scopecut:{T1}:reminded:AAAAA:S1:U_BOB");
		assertThat(ttl).isBetween(Duration.ofDays(2).toSeconds() - 60, Duration.ofDays(2).toSeconds());

		this.marks.unmark(ref("AAAAA"), "S1", "U_BOB");
		assertThat(this.marks.mark(ref("AAAAA"), "S1", "U_BOB", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.MARKED);
	}

	@Test
	void aPersonRemindedOfACutLatelyIsNotRemindedOfItForAnotherSlotUntilLatelyIsOverOrTheMarkTakenBack() {
		insert("AAAAA", "C1", NOW);
		insert("BBBBB", "C1", NOW);
		Instant until = Instant.now().plus(Duration.ofDays(2));
		Duration lately = Duration.ofMinutes(30);
		Instant now = Instant.now();

		assertThat(this.marks.mark(ref("AAAAA"), "S1", "U_BOB", until, now, lately)).isEqualTo(Mark.MARKED);
		assertThat(this.marks.mark(ref("AAAAA"), "M2", "U_BOB", until, now, lately)).isEqualTo(Mark.REMINDED_LATELY);
		assertThat(this.marks.mark(ref("AAAAA"), "M2", "U_CAT", until, now, lately)).isEqualTo(Mark.MARKED);
		assertThat(this.marks.mark(ref("BBBBB"), "S1", "U_BOB", until, now, lately)).isEqualTo(Mark.MARKED);
		long ttl = template.getExpire("scopecut:{T1}:reminded-lately:AAAAA:U_BOB");
		assertThat(ttl).isBetween(lately.toSeconds() - 60, lately.toSeconds());

		assertThat(this.marks.mark(ref("AAAAA"), "M3", "U_CAT", until, now.plus(lately), lately))
			.isEqualTo(Mark.MARKED);

		this.marks.unmark(ref("AAAAA"), "S1", "U_BOB");
		assertThat(this.marks.mark(ref("AAAAA"), "M2", "U_BOB", until, now, lately)).isEqualTo(Mark.MARKED);
	}

	@Test
	void whoWasRemindedOfACutLatelyIsReadForManyPeopleAtOnce() {
		insert("AAAAA", "C1", NOW);
		insert("BBBBB", "C1", NOW);
		Instant until = Instant.now().plus(Duration.ofDays(2));
		Duration lately = Duration.ofMinutes(30);
		Instant now = Instant.now();
		this.marks.mark(ref("AAAAA"), "S1", "U_BOB", until, now, lately);
		this.marks.mark(ref("BBBBB"), "S1", "U_CAT", until, now, lately);

		assertThat(this.marks.remindedLately(ref("AAAAA"), List.of("U_BOB", "U_CAT", "U_DAN"), now.plusSeconds(60),
				lately))
			.containsExactly("U_BOB");
		assertThat(this.marks.remindedLately(ref("AAAAA"), List.of("U_BOB"), now.plus(lately), lately)).isEmpty();
		assertThat(this.marks.remindedLately(ref("AAAAA"), List.of(), now, lately)).isEmpty();
	}

	@Test
	void reminderStepsAreBookedOnceEachAcrossCallsAndPerWorkspace() {
		Duration step = ReminderPace.STEP;
		Instant from = onAStep(Instant.now()).plusMillis(1);
		Instant first = from.minusMillis(1).plus(step);

		List<Instant> fanOut = this.pace.book("T1", from, 3);
		List<Instant> another = this.pace.book("T1", from, 2);
		List<Instant> otherWorkspace = this.pace.book("T2", from, 1);

		assertThat(first).isAfterOrEqualTo(from).isBefore(from.plus(step));
		assertThat(fanOut).containsExactly(first, first.plus(step), first.plus(step.multipliedBy(2)));
		assertThat(another).containsExactly(first.plus(step.multipliedBy(3)), first.plus(step.multipliedBy(4)));
		assertThat(otherWorkspace).containsExactly(first);
	}

	@Test
	void aStepBookedForAMorningLeavesTheStepsBeforeItFreeAndIsSkippedByBookingsThatReachIt() {
		Duration step = ReminderPace.STEP;
		Instant now = onAStep(Instant.now());
		Instant morning = now.plus(step.multipliedBy(2));

		assertThat(this.pace.book("T1", morning, 1)).containsExactly(morning);
		assertThat(this.pace.book("T1", now, 4)).containsExactly(now, now.plus(step), now.plus(step.multipliedBy(3)),
				now.plus(step.multipliedBy(4)));
		assertThat(template.getExpire("scopecut:{T1}:reminder-steps")).isPositive();
	}

	/** The last step of the reminder grid at or before the instant. */
	static Instant onAStep(Instant at) {
		long step = ReminderPace.STEP.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), step) * step);
	}

	@Test
	void noReminderIsMarkedOnAClosedOrMissingCut() {
		insert("AAAAA", "C1", NOW);
		this.store.finish(ref("AAAAA"), CutStatus.CLOSED, NOW, JobChanges.NONE);
		Instant until = Instant.now().plus(Duration.ofDays(2));

		assertThat(this.marks.mark(ref("AAAAA"), "S1", "U_BOB", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.NOT_OPEN);
		assertThat(this.marks.mark(ref("BBBBB"), "S1", "U_BOB", until, Instant.now(), NEVER_LATELY))
			.isEqualTo(Mark.NOT_OPEN);
		assertThat(template.keys("scopecut:{T1}:reminded:*")).isEmpty();
	}

	@Test
	void anEventIsFirstOnceAndItsIdIsForgottenAfterAnHour() {
		assertThat(this.deliveries.isFirst("T1", "Ev01")).isTrue();
		assertThat(this.deliveries.isFirst("T1", "Ev01")).isFalse();
		assertThat(this.deliveries.isFirst("T2", "Ev01")).isTrue();
		assertThat(template.getExpire("scopecut:{T1}:event:Ev01")).isBetween(3500L, 3600L);
	}

	@Test
	void aForgottenEventIsFirstAgainAndOnlyInItsWorkspace() {
		this.deliveries.isFirst("T1", "Ev02");
		this.deliveries.isFirst("T2", "Ev02");

		this.deliveries.forget("T1", "Ev02");

		assertThat(this.deliveries.isFirst("T1", "Ev02")).isTrue();
		assertThat(this.deliveries.isFirst("T2", "Ev02")).isFalse();
	}

	@Test
	void oneReminderByHandACutIsMarkedPerIntervalAndARepeatLearnsWhenTheNextMayGo() {
		Duration every = Duration.ofMinutes(30);

		assertThat(this.marks.markByHand(ref("AAAAA"), NOW, every)).isEmpty();
		assertThat(this.marks.markByHand(ref("AAAAA"), NOW.plusSeconds(60), every)).contains(NOW.plus(every));
		assertThat(this.marks.markByHand(ref("BBBBB"), NOW.plusSeconds(60), every)).isEmpty();
		assertThat(this.marks.markByHand(ref("AAAAA"), NOW.plus(every), every)).isEmpty();
		assertThat(template.getExpire(Keys.remindedByHand(ref("AAAAA")))).isBetween(1L, every.toSeconds());
	}

}
