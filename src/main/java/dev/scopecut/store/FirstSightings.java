package dev.scopecut.store;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Ids seen, one expiring key each, set with SET NX: of any number of copies of one
 * delivery or request, to any instances, exactly one is first.
 */
@Component
class FirstSightings {

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	FirstSightings(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	/** True for the first caller with the key while it is remembered. */
	boolean isFirst(String key, Duration remembered) {
		return Boolean.TRUE.equals(this.guard.call(() -> this.redis.opsForValue().setIfAbsent(key, "1", remembered)));
	}

	void forget(String key) {
		this.guard.call(() -> this.redis.delete(key));
	}

}
