package dev.scopecut.cut;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The question a closed cut's facilitator is asked on the cut's check-in day: did the
 * release teach what the cut asked? It is pending from the close until it is answered;
 * "Not yet" asks again a week later. A cancelled cut is never asked.
 *
 * @param on the day of the next ask: the day chosen in the form, or a week after the
 * latest "Not yet"
 * @param postponed how many times the facilitator answered "Not yet"
 * @param answer what the facilitator answered; null while pending
 */
public record CheckIn(LocalDate on, int postponed, CheckInAnswer answer) {

	/** "Not yet" asks again this many days after the day it answers. */
	public static final int ASK_AGAIN_DAYS = 7;

	/** Where a day begins first: Kiribati's Line Islands. */
	static final ZoneOffset FIRST_TO_BEGIN = ZoneOffset.ofHours(14);

	/** Where a day ends last: Baker Island. */
	static final ZoneOffset LAST_TO_END = ZoneOffset.ofHours(-12);

	public CheckIn {
		Objects.requireNonNull(on, "on");
		if (postponed < 0) {
			throw new IllegalArgumentException("postponed is 0 or more");
		}
	}

	/** The check-in of a cut set to be asked on that day, not asked yet. */
	public static CheckIn on(LocalDate day) {
		return new CheckIn(day, 0, null);
	}

	public Optional<CheckInAnswer> answered() {
		return Optional.ofNullable(this.answer);
	}

	/**
	 * When the check-in's job first falls due: the morning of its day where that day
	 * begins first (UTC+14), since whose morning it is is only known when it runs
	 * ({@link #askAt}).
	 */
	public static Instant earliestAsk(LocalDate day) {
		return day.atTime(QuietHours.END).toInstant(FIRST_TO_BEGIN);
	}

	/**
	 * When to ask someone living in {@code zone}, as of {@code now}: the morning of the
	 * day in their own time, or now when that has passed, but never during their quiet
	 * hours (the check-in has no deadline to beat).
	 */
	public Instant askAt(Instant now, ZoneId zone) {
		Instant morning = this.on.atTime(QuietHours.END).atZone(zone).toInstant();
		return now.isBefore(morning) ? morning : QuietHours.sendAt(now, zone, Instant.MAX);
	}

	/**
	 * The day of the next ask after "Not yet" answered at {@code now} by someone living
	 * in {@code zone}: a week after the day asked, or after their today when the answer
	 * came later than that day.
	 */
	public LocalDate askAgainOn(Instant now, ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		return (today.isAfter(this.on) ? today : this.on).plusDays(ASK_AGAIN_DAYS);
	}

	/**
	 * Refuses a check-in day in the past: before today wherever today began last
	 * (UTC−12), so that no one's today is refused whatever their time zone.
	 * @throws InvalidCutException on the check-in field
	 */
	public static void requireNotPast(LocalDate day, Instant now) {
		if (day.isBefore(LocalDate.ofInstant(now, LAST_TO_END))) {
			throw InvalidCutException.of(InvalidCutException.Reason.CHECK_IN_PASSED);
		}
	}

}
