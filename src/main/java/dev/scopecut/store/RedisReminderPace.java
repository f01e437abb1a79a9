package dev.scopecut.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.ReminderPace;

/**
 * The workspace's booked reminder steps, one sorted set booked by book-reminder-steps.lua
 * (layout and atomicity argument in {@link Keys}).
 */
@Component
class RedisReminderPace implements ReminderPace {

	/** A booking outlives its step a little, for a job that runs late. */
	static final Duration KEPT_AFTER = Duration.ofHours(1);

	/**
	 * Bookings this long before the first step wanted are over and forgotten: nothing is
	 * booked more than a day ahead (a quiet-hours hold ends within 12 hours), so no
	 * booking still to come is that old.
	 */
	static final Duration OVER_AFTER = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisReminderPace(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Instant> book(String workspace, Instant from, int count) {
		if (count <= 0) {
			return List.of();
		}
		long step = STEP.toMillis();
		long first = ceilingStep(from, step);
		List<Object> booked = this.guard
			.call(() -> this.redis.execute(Scripts.BOOK_REMINDER_STEPS, List.of(Keys.reminderSteps(workspace)),
					Long.toString(first), Long.toString(first - OVER_AFTER.toMillis() / step), Integer.toString(count),
					Long.toString(step), Long.toString(KEPT_AFTER.toMillis())));
		return booked.stream().map((number) -> Instant.ofEpochMilli(((Number) number).longValue() * step)).toList();
	}

	/** The first step at or after the instant, so nothing is booked before it. */
	private static long ceilingStep(Instant at, long step) {
		return Math.floorDiv(at.toEpochMilli() + step - 1, step);
	}

}
