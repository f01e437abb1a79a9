package dev.scopecut.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.TokenRefreshLocks;

/**
 * A token refresh lock is one key under the installation's hash tag, taken with
 * {@code SET NX PX} and a value of the holder's own; release-lock.lua deletes it only
 * while it still holds that value (layout in {@link Keys}).
 */
@Component
class RedisTokenRefreshLocks implements TokenRefreshLocks {

	private static final Logger log = LoggerFactory.getLogger(RedisTokenRefreshLocks.class);

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisTokenRefreshLocks(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public Optional<Held> tryLock(String installation, Duration lease) {
		String key = Keys.tokenRefresh(installation);
		String holder = UUID.randomUUID().toString();
		Boolean taken = this.guard.call(() -> this.redis.opsForValue().setIfAbsent(key, holder, lease));
		return Boolean.TRUE.equals(taken) ? Optional.of(() -> release(key, holder)) : Optional.empty();
	}

	private void release(String key, String holder) {
		try {
			this.redis.execute(Scripts.RELEASE_LOCK, List.of(key), holder);
		}
		catch (DataAccessException ex) {
			log.warn("A token refresh lock was left to lapse: {}", ex.getClass().getSimpleName());
		}
	}

}
