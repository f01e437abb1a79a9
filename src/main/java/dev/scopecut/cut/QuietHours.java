package dev.scopecut.cut;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No reminder reaches anyone between 20:00 and 08:00 their own time: it waits for 08:00,
 * unless the deadline comes first, and then it goes at once (a late nudge beats none).
 */
public final class QuietHours {

	public static final LocalTime START = LocalTime.of(20, 0);

	public static final LocalTime END = LocalTime.of(8, 0);

	private QuietHours() {
	}

	/** When a reminder due {@code now} should reach someone living in {@code zone}. */
	public static Instant sendAt(Instant now, ZoneId zone, Instant deadline) {
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (!time.isBefore(END) && time.isBefore(START)) {
			return now;
		}
		// After 20:00 the morning is tomorrow's; before 08:00 it is today's.
		ZonedDateTime morning = (time.isBefore(END) ? local.toLocalDate() : local.toLocalDate().plusDays(1)).atTime(END)
			.atZone(zone);
		return morning.toInstant().isBefore(deadline) ? morning.toInstant() : now;
	}

}
