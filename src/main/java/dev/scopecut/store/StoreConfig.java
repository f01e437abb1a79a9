package dev.scopecut.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.service.OAuthStateService;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis client's behaviour when Redis goes away; connection settings stay Spring
 * Boot's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class StoreConfig {

	/** The least time between two topology refreshes a failure sets off. */
	static final Duration ADAPTIVE_REFRESH_HOLD_OFF = Duration.ofMillis(500);

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

	/**
	 * A cluster's new master is found within about a second of a failover: the layout is
	 * read every {@code spring.data.redis.lettuce.cluster.refresh.period} (Boot's own
	 * setting, 1 s here), and at once when a node answers MOVED or ASK or its connection
	 * fails even once, at most once per {@link #ADAPTIVE_REFRESH_HOLD_OFF}. Lettuce's
	 * defaults wait for five reconnection attempts and then hold a second adaptive
	 * refresh back 30 s, and Boot 4 no longer switches adaptive refresh on.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer quickTopologyRefresh(DataRedisProperties properties) {
		DataRedisProperties.Lettuce.Cluster.Refresh refresh = properties.getLettuce().getCluster().getRefresh();
		return (options) -> {
			if (options instanceof ClusterClientOptions.Builder cluster) {
				ClusterTopologyRefreshOptions.Builder topology = ClusterTopologyRefreshOptions.builder()
					.dynamicRefreshSources(refresh.isDynamicRefreshSources())
					.enableAllAdaptiveRefreshTriggers()
					.adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_HOLD_OFF)
					.refreshTriggersReconnectAttempts(1);
				if (refresh.getPeriod() != null) {
					topology.enablePeriodicRefresh(refresh.getPeriod());
				}
				cluster.topologyRefreshOptions(topology.build());
			}
		};
	}

	/**
	 * Retry the connection every half second at most (Lettuce's default backs off to 30
	 * s): a master promoted by Sentinel is reached within that of its promotion, and each
	 * failed attempt to a cluster node sets off a topology refresh.
	 */
	@Bean
	ClientResourcesBuilderCustomizer quickReconnect() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS));
	}

	/**
	 * WAIT for a replica after the writes acknowledged to a person, unless set otherwise:
	 * with Redis Cluster and Sentinel, where a replica takes over from a failed master.
	 */
	@Bean
	SharedConnection sharedConnection(StringRedisTemplate redis, RedisGuard guard) {
		return new SharedConnection(redis, guard);
	}

	@Bean
	ReplicaWait replicaWait(SharedConnection shared, RedisConnectionFactory connections, StoreProperties properties,
			Clock clock) {
		boolean replicated = connections instanceof LettuceConnectionFactory lettuce
				&& (lettuce.isClusterAware() || lettuce.isRedisSentinelAware());
		boolean enabled = (properties.waitForReplica() != null) ? properties.waitForReplica() : replicated;
		return new ReplicaWait(shared, enabled, properties.replicaTimeout(), clock);
	}

	/** OAuth states for "Add to Slack", each good for ten minutes (Bolt's default). */
	@Bean
	OAuthStateService oauthStates(StringRedisTemplate redis, RedisGuard guard) {
		return new RedisOAuthStateService(redis, guard,
				Duration.ofSeconds(OAuthStateService.DEFAULT_EXPIRATION_IN_SECONDS));
	}

}
