package dev.scopecut.store;

import java.util.Properties;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.ClusterInfo;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the app talks to Redis as Redis is run ({@code /actuator/health}'s
 * {@code redisTopology}). DOWN when a client set up for one server ({@code REDIS_URL})
 * reaches a node of a Redis Cluster, which would answer every key of another node's slots
 * with MOVED, and when the cluster's state is not ok (a slot without a master).
 */
@Component("redisTopology")
class RedisTopologyHealthIndicator extends AbstractHealthIndicator {

	static final String CLUSTER_NODE = "this is a node of a Redis Cluster: set SPRING_DATA_REDIS_CLUSTER_NODES "
			+ "to its nodes instead of REDIS_URL";

	private final StringRedisTemplate redis;

	RedisTopologyHealthIndicator(StringRedisTemplate redis) {
		super("Redis topology check failed");
		this.redis = redis;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.redis.execute((RedisCallback<Void>) (connection) -> {
			if (connection instanceof RedisClusterConnection cluster) {
				ClusterInfo info = cluster.clusterGetClusterInfo();
				builder.withDetail("mode", "cluster").withDetail("cluster_state", String.valueOf(info.getState()));
				if ("ok".equalsIgnoreCase(info.getState())) {
					builder.up();
				}
				else {
					builder.down();
				}
				return null;
			}
			if (isClusterNode(connection)) {
				builder.down().withDetail("mode", "single server").withDetail("problem", CLUSTER_NODE);
				return null;
			}
			builder.up().withDetail("mode", "single server");
			return null;
		});
	}

	/** Whether a connection set up for one server reaches a node of a Redis Cluster. */
	static boolean isClusterNode(RedisConnection connection) {
		Properties info = connection.serverCommands().info("cluster");
		return info != null && "1".equals(info.getProperty("cluster_enabled"));
	}

}
