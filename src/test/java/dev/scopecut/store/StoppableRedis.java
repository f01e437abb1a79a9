package dev.scopecut.store;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.scopecut.support.processes.RedisProcess;

/**
 * A {@code redis-server} of the test's own, to stop and start again (append-only, so its
 * data stays), and a template whose client refuses commands at once while the server is
 * away and reconnects when it is back, as the app's does (StoreConfig).
 */
final class StoppableRedis implements AutoCloseable {

	private final RedisProcess process;

	private final LettuceConnectionFactory connections;

	private final StringRedisTemplate template;

	private StoppableRedis() {
		this.process = RedisProcess.start(true);
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("localhost", this.process.port()),
				LettuceClientConfiguration.builder()
					.clientOptions(ClientOptions.builder()
						.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
						.build())
					.commandTimeout(Duration.ofSeconds(2))
					.build());
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.template = new StringRedisTemplate(this.connections);
	}

	static StoppableRedis start() {
		return new StoppableRedis();
	}

	StringRedisTemplate template() {
		return this.template;
	}

	void stop() {
		this.process.stop();
	}

	void restart() {
		this.process.restart();
	}

	@Override
	public void close() {
		this.connections.destroy();
		this.process.close();
	}

}
