package dev.scopecut.app.port;

import java.time.Duration;
import java.util.Optional;

/**
 * One short lock per installation, shared by every instance, so that one caller at a time
 * refreshes an expiring token: Slack replaces the refresh token on its first use, so a
 * second refresh with the same one is refused. A lock lapses by itself after its lease,
 * so a holder that died blocks the others for that long at most.
 */
public interface TokenRefreshLocks {

	/**
	 * The lock of the installation (a workspace's, or an organisation's), when no one
	 * holds it; empty when someone does.
	 * @throws StoreUnavailableException when the store cannot answer
	 */
	Optional<Held> tryLock(String installation, Duration lease);

	/** A lock this caller holds until it closes it or the lease lapses. */
	interface Held extends AutoCloseable {

		/**
		 * Releases the lock, unless its lease lapsed and someone else holds it now. Never
		 * throws: a lock that could not be released lapses with its lease.
		 */
		@Override
		void close();

	}

}
