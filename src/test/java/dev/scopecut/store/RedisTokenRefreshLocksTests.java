package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.TokenRefreshLocks;

class RedisTokenRefreshLocksTests extends RedisStoreTest {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private RedisTokenRefreshLocks locks;

	@BeforeEach
	void locks() {
		this.locks = new RedisTokenRefreshLocks(template, new RedisGuard());
	}

	@Test
	void oneCallerAtATimeHoldsAnInstallationsLockUntilItReleasesIt() {
		Optional<TokenRefreshLocks.Held> first = this.locks.tryLock("T1", LEASE);

		assertThat(first).isPresent();
		assertThat(this.locks.tryLock("T1", LEASE)).as("held").isEmpty();
		assertThat(this.locks.tryLock("T2", LEASE)).as("another installation's").isPresent();
		assertThat(template.getExpire("scopecut:{T1}:token-refresh")).isBetween(1L, 30L);

		first.get().close();

		assertThat(this.locks.tryLock("T1", LEASE)).isPresent();
	}

	@Test
	void aLapsedLeaseFreesTheLockAndItsFormerHolderCannotReleaseTheNextOnes() {
		TokenRefreshLocks.Held lapsed = this.locks.tryLock("T1", Duration.ofMillis(50)).orElseThrow();
		await().atMost(Duration.ofSeconds(5)).until(() -> !template.hasKey("scopecut:{T1}:token-refresh"));
		Optional<TokenRefreshLocks.Held> next = this.locks.tryLock("T1", LEASE);

		lapsed.close();

		assertThat(next).isPresent();
		assertThat(this.locks.tryLock("T1", LEASE)).as("still the next holder's").isEmpty();
	}

}
