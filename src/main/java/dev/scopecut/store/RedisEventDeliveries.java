package dev.scopecut.store;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.EventDeliveries;

/**
 * Event ids seen, one expiring key each, set with SET NX: of any number of deliveries of
 * one event, to any instances, exactly one is first.
 */
@Component
class RedisEventDeliveries implements EventDeliveries {

	/** Slack retries a delivery three times within about five minutes. */
	static final Duration REMEMBERED = Duration.ofHours(1);

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisEventDeliveries(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public boolean isFirst(String workspace, String eventId) {
		Boolean set = this.guard
			.call(() -> this.redis.opsForValue().setIfAbsent(Keys.event(workspace, eventId), "1", REMEMBERED));
		return Boolean.TRUE.equals(set);
	}

	@Override
	public void forget(String workspace, String eventId) {
		this.guard.call(() -> this.redis.delete(Keys.event(workspace, eventId)));
	}

}
