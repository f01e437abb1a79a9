package dev.scopecut.cut;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a cut's reminders go out, as times between its start and its deadline. The times
 * follow the deadline: an extension moves them, and each time is its own reminder slot.
 * <p>
 * A slot must lie at least {@link #GAP} after the start and {@link #GAP} before the next
 * slot kept (the later slot wins), so a cut shorter than the gap gets no reminder, a
 * two-hour cut one (an hour before its deadline, which is also halfway), and a cut of
 * four hours or more both.
 */
public enum ReminderPlan {

	/** Halfway to the deadline and one hour before it: the default. */
	HALFWAY_AND_LAST_HOUR,

	/** One hour before the deadline only. */
	LAST_HOUR,

	/** No reminder at set times; the facilitator may still send one by hand. */
	NONE;

	/** The least time between a cut's start and a reminder, and between two reminders. */
	public static final Duration GAP = Duration.ofHours(1);

	/**
	 * The reminder times of a cut running from {@code start} to {@code deadline},
	 * earliest first.
	 */
	public List<Instant> slots(Instant start, Instant deadline) {
		List<Instant> wanted = new ArrayList<>();
		if (this == HALFWAY_AND_LAST_HOUR) {
			wanted.add(start.plus(Duration.between(start, deadline).dividedBy(2)));
		}
		if (this != NONE) {
			wanted.add(deadline.minus(GAP));
		}
		List<Instant> kept = new ArrayList<>();
		for (int i = wanted.size() - 1; i >= 0; i--) {
			Instant slot = wanted.get(i);
			boolean afterStart = !slot.isBefore(start.plus(GAP));
			boolean beforeNext = kept.isEmpty() || !slot.plus(GAP).isAfter(kept.get(0));
			if (afterStart && beforeNext) {
				kept.add(0, slot);
			}
		}
		return List.copyOf(kept);
	}

	/** The latest slot at or before {@code now}: the reminder that is due. */
	public Optional<Instant> due(Instant start, Instant deadline, Instant now) {
		return slots(start, deadline).stream().filter((slot) -> !slot.isAfter(now)).reduce((first, second) -> second);
	}

	/** The first slot after {@code now}. */
	public Optional<Instant> next(Instant start, Instant deadline, Instant now) {
		return slots(start, deadline).stream().filter((slot) -> slot.isAfter(now)).findFirst();
	}

}
