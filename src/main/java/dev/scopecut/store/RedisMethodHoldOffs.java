package dev.scopecut.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.MethodHoldOffs;

/**
 * One key per held-off method, expiring when Slack's wait is over (layout in
 * {@link Keys}): its time to live is what is left of the wait.
 */
@Component
class RedisMethodHoldOffs implements MethodHoldOffs {

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisMethodHoldOffs(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public void holdOff(String workspace, String method, Duration wait) {
		if (wait.isNegative() || wait.isZero()) {
			return;
		}
		this.guard.call(() -> {
			this.redis.opsForValue().set(Keys.heldOff(workspace, method), "1", wait);
			return null;
		});
	}

	@Override
	public Duration heldOff(String workspace, String method) {
		Long left = this.guard.call(() -> this.redis.getExpire(Keys.heldOff(workspace, method), TimeUnit.MILLISECONDS));
		return (left != null && left > 0) ? Duration.ofMillis(left) : Duration.ZERO;
	}

}
