package dev.scopecut.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.processes.RedisProcess;

/**
 * Reads what a cut left in Redis, for tests whose app runs where its beans cannot be
 * reached. Keys as documented in {@code dev.scopecut.store.Keys}.
 */
final class RedisReads implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	RedisReads(RedisProcess redis) {
		this.client = RedisClient.create(redis.url());
		this.connection = this.client.connect();
	}

	/** "itemId:userId" to S or D. */
	Map<String, String> votes(String cutId) {
		return commands().hgetall("scopecut:{" + FakeSlack.TEAM + "}:votes:" + cutId);
	}

	String cut(String cutId, String field) {
		return commands().hget("scopecut:{" + FakeSlack.TEAM + "}:cut:" + cutId, field);
	}

	/** The cut's jobs waiting in the queue, as "KIND|workspace|cutId". */
	List<String> jobs(String cutId) {
		return commands().zrange("scopecut:{" + FakeSlack.TEAM + "}:jobs", 0, -1)
			.stream()
			.filter((job) -> job.endsWith("|" + cutId))
			.toList();
	}

	private RedisCommands<String, String> commands() {
		return this.connection.sync();
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
