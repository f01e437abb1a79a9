package dev.scopecut.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.scopecut.support.processes.RedisProcess;

/**
 * The Redis adapter against its own real {@code redis-server}, with no Spring context.
 */
abstract class RedisStoreTest {

	static RedisProcess redis;

	static LettuceConnectionFactory connections;

	static StringRedisTemplate template;

	static SharedConnection shared;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", redis.port()));
		connections.afterPropertiesSet();
		connections.start();
		template = new StringRedisTemplate(connections);
		shared = new SharedConnection(template, new RedisGuard());
	}

	@AfterAll
	static void stopRedis() {
		connections.destroy();
		redis.close();
	}

	@BeforeEach
	void flush() {
		template.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

}
