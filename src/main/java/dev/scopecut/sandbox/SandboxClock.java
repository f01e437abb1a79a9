package dev.scopecut.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock, which is also Scopecut's while the sandbox runs: the system's,
 * moved on by <em>Skip to tomorrow, 09:00</em>, so that what falls due days later (a
 * check-in) can be played in minutes. It only ever moves forward, until a reset brings it
 * back to the system's time. Signatures, deadlines and jobs all read it, so they stay
 * consistent with each other.
 */
class SandboxClock extends Clock {

	/** The local time a skip lands on: a working morning, outside quiet hours. */
	static final LocalTime MORNING = LocalTime.of(9, 0);

	private final Clock system;

	private final AtomicReference<Duration> skipped = new AtomicReference<>(Duration.ZERO);

	SandboxClock(Clock system) {
		this.system = system;
	}

	/** Moves the clock to 09:00 of the next day in {@code zone}; returns that instant. */
	Instant skipToNextMorning(ZoneId zone) {
		Instant now = instant();
		Instant morning = now.atZone(zone).toLocalDate().plusDays(1).atTime(MORNING).atZone(zone).toInstant();
		this.skipped.accumulateAndGet(Duration.between(now, morning), Duration::plus);
		return morning;
	}

	/** Back to the system's time. */
	void reset() {
		this.skipped.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return this.system.instant().plus(this.skipped.get());
	}

	@Override
	public ZoneId getZone() {
		return this.system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the sandbox's clock keeps its zone");
	}

}
