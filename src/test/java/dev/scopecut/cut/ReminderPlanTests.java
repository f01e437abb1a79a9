package dev.scopecut.cut;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReminderPlanTests {

	static final Instant START = Instant.parse("2030-03-04T09:00:00Z");

	@ParameterizedTest(name = "a {0}-minute cut: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1440 | 720,1380
			240  | 120,180
			180  | 120
			120  | 60
			90   | ''
			60   | ''
			30   | ''
			""")
	void theDefaultPlanRemindsHalfwayAndAnHourBeforeButNeverWithinTheGap(long minutes, String expected) {
		Instant deadline = START.plus(Duration.ofMinutes(minutes));

		assertThat(ReminderPlan.HALFWAY_AND_LAST_HOUR.slots(START, deadline)
			.stream()
			.map((slot) -> Duration.between(START, slot).toMinutes())
			.map(String::valueOf)
			.toList()).isEqualTo(expected.isEmpty() ? java.util.List.of() : java.util.List.of(expected.split(",")));
	}

	@Test
	void theLastHourPlanHasOneSlotAndNoneHasNone() {
		Instant deadline = START.plus(Duration.ofHours(24));

		assertThat(ReminderPlan.LAST_HOUR.slots(START, deadline)).containsExactly(deadline.minus(ReminderPlan.GAP));
		assertThat(ReminderPlan.NONE.slots(START, deadline)).isEmpty();
		assertThat(ReminderPlan.LAST_HOUR.slots(START, START.plus(Duration.ofMinutes(59)))).isEmpty();
	}

	@Test
	void theDueSlotIsTheLatestReachedAndTheNextTheFirstAhead() {
		Instant deadline = START.plus(Duration.ofHours(24));
		Instant halfway = START.plus(Duration.ofHours(12));
		Instant lastHour = START.plus(Duration.ofHours(23));
		ReminderPlan plan = ReminderPlan.HALFWAY_AND_LAST_HOUR;

		assertThat(plan.due(START, deadline, halfway.minusSeconds(1))).isEmpty();
		assertThat(plan.next(START, deadline, halfway.minusSeconds(1))).contains(halfway);
		assertThat(plan.due(START, deadline, halfway)).contains(halfway);
		assertThat(plan.next(START, deadline, halfway)).contains(lastHour);
		// A start after downtime that missed both: only the latest goes out.
		assertThat(plan.due(START, deadline, lastHour.plusSeconds(60))).contains(lastHour);
		assertThat(plan.next(START, deadline, lastHour.plusSeconds(60))).isEmpty();
	}

	@Test
	void anExtendedDeadlineMovesTheSlots() {
		Instant deadline = START.plus(Duration.ofHours(10));

		assertThat(ReminderPlan.HALFWAY_AND_LAST_HOUR.slots(START, deadline.plus(Duration.ofHours(10))))
			.containsExactly(START.plus(Duration.ofHours(10)), START.plus(Duration.ofHours(19)));
	}

}
