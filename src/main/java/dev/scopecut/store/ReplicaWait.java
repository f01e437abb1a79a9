package dev.scopecut.store;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.StoreUnavailableException;

/**
 * {@code WAIT 1} after a write that is acknowledged to a person (a vote, a close or
 * cancel, a posted decision's job completed), so that what they were told is on a replica
 * too before they are told it: Redis replicates asynchronously, and a master killed a
 * moment after a write would otherwise take the write with it when its replica is
 * promoted. On by default with Redis Cluster and Sentinel, off for one server
 * ({@code SCOPECUT_WAIT_FOR_REPLICA} overrides either way).
 * <p>
 * WAIT counts what the connection that wrote has written, so it goes on that connection:
 * the shared one ({@link SharedConnection}), or with a cluster the shared one's
 * connection to the master of the key's slot (Lettuce routes a key's commands there, by
 * host and port). It holds that connection until a replica confirms, normally well under
 * a millisecond. A master that fails before a replica confirms makes the write not
 * acknowledged (the caller is told it was not recorded). When no replica confirms within
 * the timeout (none is connected, as after a failover that left the new master alone),
 * the write is acknowledged anyway and WAIT is skipped for
 * {@link #SKIP_AFTER_UNCONFIRMED}: refusing every vote while a replica is away would take
 * the app down with it, and stalling the shared connection for the timeout at every vote
 * would too.
 */
class ReplicaWait {

	static final Duration SKIP_AFTER_UNCONFIRMED = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(ReplicaWait.class);

	/** How long past WAIT's own timeout its master may take to answer. */
	private static final Duration MASTER_SILENT_AFTER = Duration.ofSeconds(2);

	private final SharedConnection connection;

	private final boolean enabled;

	private final Duration timeout;

	private final Clock clock;

	private volatile long skipUntilMillis = Long.MIN_VALUE;

	ReplicaWait(SharedConnection connection, boolean enabled, Duration timeout, Clock clock) {
		this.connection = connection;
		this.enabled = enabled;
		this.timeout = timeout;
		this.clock = clock;
	}

	/** For one server with no replica to wait for. */
	static ReplicaWait off() {
		return new ReplicaWait(null, false, Duration.ZERO, Clock.systemUTC());
	}

	boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Waits until a replica has what this instance wrote to the key's slot.
	 * @throws StoreUnavailableException when the master did not answer, so the write may
	 * be lost
	 */
	void afterWrite(String key) {
		if (!this.enabled || this.clock.millis() < this.skipUntilMillis) {
			return;
		}
		Long confirmed = this.connection.answer((commands) -> waitOn(commands, key),
				this.timeout.plus(MASTER_SILENT_AFTER));
		if (confirmed == null || confirmed < 1) {
			this.skipUntilMillis = this.clock.millis() + SKIP_AFTER_UNCONFIRMED.toMillis();
			log.warn("No replica confirmed a write within {}: writes are acknowledged without waiting for one for {}",
					this.timeout, SKIP_AFTER_UNCONFIRMED);
		}
	}

	private RedisFuture<Long> waitOn(RedisClusterAsyncCommands<byte[], byte[]> commands, String key) {
		if (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster) {
			RedisClusterNode master = cluster.getStatefulConnection()
				.getPartitions()
				.getMasterBySlot(SlotHash.getSlot(key));
			if (master == null) {
				throw new StoreUnavailableException("no master serves the slot of " + key, null);
			}
			RedisClusterAsyncCommands<byte[], byte[]> node;
			try {
				node = cluster.getStatefulConnection()
					.getConnection(master.getUri().getHost(), master.getUri().getPort())
					.async();
			}
			catch (RuntimeException ex) {
				// Lettuce's, from connecting to a node it may no longer list.
				throw new StoreUnavailableException("Redis did not confirm a write was replicated: " + ex.getMessage(),
						ex);
			}
			return node.waitForReplication(1, this.timeout.toMillis());
		}
		return commands.waitForReplication(1, this.timeout.toMillis());
	}

}
