package dev.scopecut.cut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class CheckInTests {

	static final LocalDate DAY = LocalDate.parse("2025-03-12");

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@Test
	void theJobFirstFallsDueWhenTheDayBeginsAnywhere() {
		assertThat(CheckIn.earliestAsk(DAY)).isEqualTo(Instant.parse("2025-03-11T18:00:00Z"));
	}

	@Test
	void beforeTheFacilitatorsMorningOfTheDayTheAskWaitsForIt() {
		CheckIn checkIn = CheckIn.on(DAY);

		assertThat(checkIn.askAt(CheckIn.earliestAsk(DAY), PARIS)).isEqualTo(Instant.parse("2025-03-12T07:00:00Z"));
		assertThat(checkIn.askAt(CheckIn.earliestAsk(DAY), LOS_ANGELES))
			.isEqualTo(Instant.parse("2025-03-12T15:00:00Z"));
	}

	@Test
	void onTheDayOutsideQuietHoursTheAskGoesAtOnce() {
		Instant afternoon = Instant.parse("2025-03-12T14:00:00Z");

		assertThat(CheckIn.on(DAY).askAt(afternoon, PARIS)).isEqualTo(afternoon);
	}

	@Test
	void anAskThatFellDueWhileNoInstanceRanWaitsOutTheQuietHoursThenGoes() {
		// Paris 22:30, two days late: the next 08:00 there
		Instant lateEvening = Instant.parse("2025-03-14T21:30:00Z");

		assertThat(CheckIn.on(DAY).askAt(lateEvening, PARIS)).isEqualTo(Instant.parse("2025-03-15T07:00:00Z"));
	}

	@Test
	void notYetAsksAgainAWeekAfterTheDayOrAfterTodayWhenAnsweredLater() {
		CheckIn checkIn = CheckIn.on(DAY);

		assertThat(checkIn.askAgainOn(Instant.parse("2025-03-12T09:00:00Z"), PARIS))
			.isEqualTo(LocalDate.parse("2025-03-19"));
		assertThat(checkIn.askAgainOn(Instant.parse("2025-03-15T09:00:00Z"), PARIS))
			.isEqualTo(LocalDate.parse("2025-03-22"));
	}

	@Test
	void notYetCountsTheWeekFromTheAnswerersOwnToday() {
		// 20:00 on the day in Honolulu is already the next day in UTC
		Instant honoluluEvening = Instant.parse("2025-03-13T06:00:00Z");

		assertThat(CheckIn.on(DAY).askAgainOn(honoluluEvening, ZoneId.of("Pacific/Honolulu")))
			.isEqualTo(LocalDate.parse("2025-03-19"));
		assertThat(CheckIn.on(DAY).askAgainOn(honoluluEvening, ZoneOffset.UTC))
			.isEqualTo(LocalDate.parse("2025-03-20"));
	}

	@Test
	void aDayIsRefusedOnlyOnceItHasPassedEverywhere() {
		// 2025-03-12T11:00Z is still 2025-03-11 at UTC−12
		CheckIn.requireNotPast(LocalDate.parse("2025-03-11"), Instant.parse("2025-03-12T11:00:00Z"));

		assertThatThrownBy(
				() -> CheckIn.requireNotPast(LocalDate.parse("2025-03-11"), Instant.parse("2025-03-12T12:00:00Z")))
			.isInstanceOfSatisfying(InvalidCutException.class, (refused) -> {
				assertThat(refused.reason()).isEqualTo(InvalidCutException.Reason.CHECK_IN_PASSED);
				assertThat(refused.field()).isEqualTo(InvalidCutException.Field.CHECK_IN);
			});
	}

	@Test
	void whatWasLearnedIsStrippedAndRefusedOverTheLimitOrWhenItShowsNothing() {
		Instant at = Instant.parse("2025-03-12T09:00:00Z");

		assertThat(new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "  people share links  \n", at).text())
			.isEqualTo("people share links");
		assertThat(new CheckInAnswer(CheckInAnswer.Kind.NOT_LEARNED, null, at).text()).isEmpty();
		assertThat(new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "é".repeat(CheckInAnswer.TEXT_MAX), at).text())
			.hasSize(CheckInAnswer.TEXT_MAX);
		assertThatThrownBy(
				() -> new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "x".repeat(CheckInAnswer.TEXT_MAX + 1), at))
			.isInstanceOfSatisfying(InvalidCutException.class, (refused) -> {
				assertThat(refused.reason()).isEqualTo(InvalidCutException.Reason.CHECK_IN_TEXT_TOO_LONG);
				assertThat(refused.values()).containsExactly(CheckInAnswer.TEXT_MAX + 1, CheckInAnswer.TEXT_MAX);
			});
		assertThatThrownBy(() -> new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "\u200B\u200B", at))
			.isInstanceOfSatisfying(InvalidCutException.class, (refused) -> assertThat(refused.reason())
				.isEqualTo(InvalidCutException.Reason.CHECK_IN_TEXT_INVISIBLE));
	}

	@Test
	void aCutIsPendingOnlyWhenClosedWithACheckInDayAndNoAnswer() {
		CutSettings settings = new CutSettings("", Instant.parse("2025-03-05T17:00:00Z"), 0, 0, false, List.of(), false,
				ReminderPlan.NONE, DAY);
		Cut open = new Cut(new CutRef("T1", new CutId("K7M2Q")), "C1", "U1", "t", List.of(new Item(1, "a")), settings,
				CutStatus.OPEN, Instant.parse("2025-03-03T09:00:00Z"), null, null);

		assertThat(open.checkInState()).contains(CheckIn.on(DAY));
		assertThat(open.checkInPending()).isFalse();
		assertThat(closed(open, CutStatus.CLOSED, null).checkInPending()).isTrue();
		assertThat(closed(open, CutStatus.CANCELLED, null).checkInPending()).isFalse();
		assertThat(closed(open, CutStatus.CLOSED,
				new CheckInAnswer(CheckInAnswer.Kind.LEARNED, "", Instant.parse("2025-03-12T09:00:00Z")))
			.checkInPending()).isFalse();
	}

	private static Cut closed(Cut open, CutStatus status, CheckInAnswer answer) {
		return new Cut(open.ref(), open.channel(), open.facilitator(), open.title(), open.items(), open.settings(),
				status, open.createdAt(), Instant.parse("2025-03-05T17:00:00Z"), null, List.of(), Lineage.NONE,
				new CheckIn(DAY, 0, answer));
	}

}
