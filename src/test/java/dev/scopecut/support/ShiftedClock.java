package dev.scopecut.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by as much as the test says: time still passes, as the
 * app's one-second spacings need, but a deadline a day away falls due at once.
 */
public final class ShiftedClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	public void advance(Duration by) {
		this.shift = this.shift.plus(by);
	}

	/**
	 * Back to the system's time, for the next test: requests are signed with it, and the
	 * app refuses a timestamp five minutes away from its own clock.
	 */
	public void reset() {
		this.shift = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("always UTC");
	}

}
