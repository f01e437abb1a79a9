package dev.scopecut.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the store keeps cuts.
 *
 * @param retention how long a closed or cancelled cut is kept before it expires
 * @param waitForReplica whether a vote, a close and a posted decision wait for a replica
 * to have them before they are acknowledged ({@link ReplicaWait}); unset, on with Redis
 * Cluster and Sentinel and off for one server
 * @param replicaTimeout how long such a write waits for a replica at most
 */
@ConfigurationProperties("scopecut.store")
record StoreProperties(@DefaultValue("90d") Duration retention, Boolean waitForReplica,
		@DefaultValue("250ms") Duration replicaTimeout) {

	StoreProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("scopecut.store.retention must be positive, not " + retention);
		}
		if (replicaTimeout.isNegative() || replicaTimeout.isZero()) {
			throw new IllegalArgumentException(
					"scopecut.store.replica-timeout must be positive, not " + replicaTimeout);
		}
	}

}
