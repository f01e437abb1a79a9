package dev.scopecut.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start, before the app listens or claims a job, when the client is set up for
 * one server ({@code REDIS_URL}) and reaches a node of a Redis Cluster: it would reach
 * the keys of that node's slots and get MOVED for the others, so it could start a cut
 * whose jobs it then never finds. A Redis that does not answer at start is let be: the
 * app waits for it, and {@link RedisTopologyHealthIndicator} reports DOWN should it turn
 * out to be such a node.
 */
@Component
class ClusterNodeRefusal implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ClusterNodeRefusal.class);

	private final StringRedisTemplate redis;

	ClusterNodeRefusal(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean clusterNode;
		try {
			clusterNode = Boolean.TRUE.equals(this.redis.execute((RedisCallback<Boolean>) (connection) -> {
				return !(connection instanceof RedisClusterConnection)
						&& RedisTopologyHealthIndicator.isClusterNode(connection);
			}));
		}
		catch (DataAccessException ex) {
			log.warn("Redis did not answer at start; the app waits for it: {}", ex.getMostSpecificCause().getMessage());
			return;
		}
		if (clusterNode) {
			throw new IllegalStateException("Scopecut will not start: REDIS_URL names one server, but "
					+ RedisTopologyHealthIndicator.CLUSTER_NODE);
		}
	}

}
