package dev.scopecut.support;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Time zones, as Slack's {@code users.info} names them, chosen so that a given instant
 * falls at a given local hour there, and tests of quiet hours pass at any time of day.
 */
public final class Zones {

	private Zones() {
	}

	/**
	 * An IANA zone ({@code Etc/GMT-5} is UTC+5) where {@code at} falls at {@code hour}:xx
	 * local time.
	 */
	public static String whereHourIs(Instant at, int hour) {
		int utcHour = at.atZone(ZoneOffset.UTC).getHour();
		int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
		if (offset == -12) {
			offset = 12;
		}
		// Etc/GMT signs are inverted, as POSIX has them: Etc/GMT-5 is five hours ahead.
		return (offset == 0) ? "Etc/GMT" : "Etc/GMT" + ((offset > 0) ? "-" : "+") + Math.abs(offset);
	}

	/** A zone where {@code at} is around noon: no quiet hours. */
	public static String awakeAt(Instant at) {
		return whereHourIs(at, 12);
	}

}
