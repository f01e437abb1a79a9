package dev.scopecut.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
	public Set<String> remindedLately(CutRef cut, Collection<String> users, Instant now, Duration lately) {
		List<String> people = List.copyOf(users);
		if (people.isEmpty()) {
			return Set.of();
		}
		// One MGET on the cut's hash tag; each key holds when that user was last marked.
		List<String> marked = this.guard.call(() -> this.redis.opsForValue()
			.multiGet(people.stream().map((user) -> Keys.remindedLately(cut, user)).toList()));
		Set<String> reminded = new HashSet<>();
		for (int i = 0; i < people.size(); i++) {
			String at = (marked != null) ? marked.get(i) : null;
			if (at != null && now.toEpochMilli() - Long.parseLong(at) < lately.toMillis()) {
				reminded.add(people.get(i));
			}
		}
		return reminded;
	}

	@Override
	public void unmark(CutRef cut, String slot, String user) {
		this.guard
			.call(() -> this.redis.delete(List.of(Keys.reminded(cut, slot, user), Keys.remindedLately(cut, user))));
	}

}
