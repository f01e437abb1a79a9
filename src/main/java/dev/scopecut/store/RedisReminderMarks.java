package dev.scopecut.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.ReminderMarks;
import dev.scopecut.cut.CutRef;

/**
 * One key per user and reminder slot, and one per user and cut for the latest reminder,
 * set by mark-reminder.lua together with the check that the cut is open (layout and
 * atomicity argument in {@link Keys}).
 */
@Component
class RedisReminderMarks implements ReminderMarks {

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisReminderMarks(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public Mark mark(CutRef cut, String slot, String user, Instant until, Instant now, Duration lately) {
		String mark = this.guard.call(() -> this.redis.execute(Scripts.MARK_REMINDER,
				List.of(Keys.cut(cut), Keys.reminded(cut, slot, user), Keys.remindedLately(cut, user)),
				Long.toString(until.toEpochMilli()), Long.toString(now.toEpochMilli()),
				Long.toString(lately.toMillis())));
		return Mark.valueOf(mark);
	}

	@Override
	public Optional<Instant> markByHand(CutRef cut, Instant now, Duration every) {
		Long last = this.guard.call(() -> this.redis.execute(Scripts.MARK_BY_HAND, List.of(Keys.remindedByHand(cut)),
				Long.toString(now.toEpochMilli()), Long.toString(every.toMillis())));
		return (last == null || last < 0) ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last).plus(every));
	}

	@Override
	public void unmark(CutRef cut, String slot, String user) {
		this.guard
			.call(() -> this.redis.delete(List.of(Keys.reminded(cut, slot, user), Keys.remindedLately(cut, user))));
	}

}
