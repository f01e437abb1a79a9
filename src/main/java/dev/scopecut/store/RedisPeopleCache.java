package dev.scopecut.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.PeopleCache;

/**
 * One expiring key per person (layout in {@link Keys}). A person is read back with one
 * {@code MGET} for a whole channel, which a cluster serves from one slot: every key
 * carries the workspace's hash tag.
 * <p>
 * Why no script is needed: each person is one key, written whole by one
 * {@code SET ... PX} with what Slack answered, never read and changed back. Two instances
 * filling it at once write the same facts, read a moment apart, and the later simply
 * wins; an entry is never half written, and a crash between two people's keys leaves the
 * other one a miss, asked again next time. Staleness is bounded by the expiry (a user
 * deactivated or gone to another time zone is seen within a day), the price of not asking
 * Slack per person.
 */
@Component
class RedisPeopleCache implements PeopleCache {

	/**
	 * How long a description is trusted: a person made a bot, deactivated or moved to
	 * another time zone is seen within a day.
	 */
	static final Duration KEPT = Duration.ofHours(24);

	private static final String HUMAN = "H";

	private static final String NOT_HUMAN = "N";

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	RedisPeopleCache(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public Map<String, Person> find(String workspace, Collection<String> users) {
		List<String> ids = List.copyOf(users);
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<String> kept = this.guard.call(() -> this.redis.opsForValue()
			.multiGet(ids.stream().map((user) -> Keys.person(workspace, user)).toList()));
		Map<String, Person> found = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			String value = (kept != null) ? kept.get(i) : null;
			if (value != null) {
				found.put(ids.get(i), decode(ids.get(i), value));
			}
		}
		return found;
	}

	@Override
	public void keep(String workspace, Collection<Person> people) {
		if (people.isEmpty()) {
			return;
		}
		Expiration expiration = Expiration.from(KEPT);
		this.guard.call(() -> this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (Person person : people) {
				connection.stringCommands()
					.set(bytes(Keys.person(workspace, person.id())), bytes(encode(person)), expiration,
							SetOption.upsert());
			}
			return null;
		}));
	}

	/**
	 * "H|Europe/Paris|Ann Lee" for a human with a time zone and a name, "H||" without
	 * either, "N|..." for the rest. The name comes last, so a bar in it is kept; an entry
	 * kept before names were ("H|Europe/Paris") reads with no name.
	 */
	private static String encode(Person person) {
		return (person.human() ? HUMAN : NOT_HUMAN) + "|" + person.timeZone() + "|" + person.name();
	}

	private static Person decode(String id, String value) {
		String[] parts = value.split("\\|", 3);
		String zone = (parts.length > 1) ? parts[1] : "";
		String name = (parts.length > 2) ? parts[2] : "";
		return new Person(id, value.startsWith(HUMAN), zone, name);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
