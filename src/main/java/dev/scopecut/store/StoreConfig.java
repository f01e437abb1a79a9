package dev.scopecut.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.service.OAuthStateService;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis client's behaviour when Redis goes away; connection settings stay Spring
 * Boot's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfig {

	/**
	 * While Redis is unreachable, refuse commands at once instead of queueing them: a
	 * voter hears "not recorded" straight away, and nothing queued is applied late behind
	 * their back. Lettuce keeps reconnecting meanwhile, so the app recovers by itself.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true);
	}

	/** Retry the connection every 2 s at most (Lettuce's default backs off to 30 s). */
	@Bean
	ClientResourcesBuilderCustomizer quickReconnect() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
	}

	/** OAuth states for "Add to Slack", each good for ten minutes (Bolt's default). */
	@Bean
	OAuthStateService oauthStates(StringRedisTemplate redis, RedisGuard guard) {
		return new RedisOAuthStateService(redis, guard,
				Duration.ofSeconds(OAuthStateService.DEFAULT_EXPIRATION_IN_SECONDS));
	}

}
