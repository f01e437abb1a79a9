package dev.scopecut.store;

import java.time.Duration;
import java.util.regex.Pattern;

import com.slack.api.bolt.service.OAuthStateService;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The OAuth {@code state} of each "Add to Slack" visit, kept in Redis so that the
 * redirect may reach any instance. Bolt also binds the state to the browser with a cookie
 * and checks both.
 * <p>
 * A state works once: checking it consumes it ({@code GETDEL}), so two redirects carrying
 * the same state cannot both pass, even at the same instant on two instances (Bolt's own
 * order, check then delete after {@code oauth.v2.access}, would let both through). The
 * price is that a redirect whose {@code oauth.v2.access} then fails must start again from
 * the install page. A state expires by itself (Redis {@code PX}), ten minutes after it
 * was issued.
 */
class RedisOAuthStateService implements OAuthStateService {

	/** Bolt issues UUIDs; anything else is refused without asking Redis. */
	private static final Pattern STATE = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final Duration lifetime;

	RedisOAuthStateService(StringRedisTemplate redis, RedisGuard guard, Duration lifetime) {
		this.redis = redis;
		this.guard = guard;
		this.lifetime = lifetime;
	}

	/** The browser cookie lives as long as the state, rounded up to a whole second. */
	@Override
	public long getExpirationInSeconds() {
		return Math.max(1, (this.lifetime.toMillis() + 999) / 1000);
	}

	@Override
	public void addNewStateToDatastore(String state) {
		this.guard.call(() -> {
			this.redis.opsForValue().set(Keys.oauthState(state), "1", this.lifetime);
			return null;
		});
	}

	/** True once for a state issued within its lifetime: the check consumes it. */
	@Override
	public boolean isAvailableInDatabase(String state) {
		if (state == null || !STATE.matcher(state).matches()) {
			return false;
		}
		return this.guard.call(() -> this.redis.opsForValue().getAndDelete(Keys.oauthState(state))) != null;
	}

	/** Already gone once checked; deleting again changes nothing. */
	@Override
	public void deleteStateFromDatastore(String state) {
		if (state != null && STATE.matcher(state).matches()) {
			this.guard.call(() -> this.redis.delete(Keys.oauthState(state)));
		}
	}

}
