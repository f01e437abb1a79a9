package dev.scopecut.store;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.RequestReplays;

/**
 * Trigger ids seen, one expiring key each, set with SET NX: of any number of copies of
 * one signed request, to any instances, exactly one is first.
 */
@Component
class RedisRequestReplays implements RequestReplays {

	/**
	 * Longer than a signature stays valid (five minutes either side of its timestamp), so
	 * a copy is still remembered when its signature would pass.
	 */
	static final Duration REMEMBERED = Duration.ofMinutes(15);

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisRequestReplays(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public boolean isFirst(String workspace, String triggerId) {
		Boolean set = this.guard
			.call(() -> this.redis.opsForValue().setIfAbsent(Keys.trigger(workspace, triggerId), "1", REMEMBERED));
		return Boolean.TRUE.equals(set);
	}

}
