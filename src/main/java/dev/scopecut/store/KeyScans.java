package dev.scopecut.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code SCAN} over the whole key space: on a Redis Cluster, every reachable master in
 * turn (a cluster connection refuses one scan across nodes); elsewhere, the one server.
 */
final class KeyScans {

	private KeyScans() {
	}

	/** The names of the keys the options match. */
	static List<String> keys(StringRedisTemplate redis, ScanOptions options) {
		return redis.execute((RedisCallback<List<String>>) (connection) -> {
			List<String> found = new ArrayList<>();
			if (connection instanceof RedisClusterConnection cluster) {
				for (RedisClusterNode node : cluster.clusterGetNodes()) {
					if (node.isMaster() && !node.isMarkedAsFail()) {
						try (Cursor<byte[]> keys = cluster.scan(node, options)) {
							keys.forEachRemaining((key) -> found.add(new String(key, StandardCharsets.UTF_8)));
						}
					}
				}
			}
			else {
				try (Cursor<byte[]> keys = connection.keyCommands().scan(options)) {
					keys.forEachRemaining((key) -> found.add(new String(key, StandardCharsets.UTF_8)));
				}
			}
			return found;
		});
	}

}
