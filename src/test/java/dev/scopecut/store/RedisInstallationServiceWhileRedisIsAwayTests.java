package dev.scopecut.store;

import static dev.scopecut.store.RedisInstallationServiceTests.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.support.ShiftedClock;

/**
 * The installations while Redis does not answer (its server stopped, the client refusing
 * commands at once, as the app's does): what this instance read lately is served from
 * memory, and nothing it saw deleted or changed, nor anything read too long ago.
 */
class RedisInstallationServiceWhileRedisIsAwayTests {

	private final ShiftedClock clock = new ShiftedClock();

	private StoppableRedis redis;

	private RedisInstallationService installations;

	@BeforeEach
	void startRedis() {
		this.redis = StoppableRedis.start();
		this.installations = new RedisInstallationService(this.redis.template(), new RedisGuard(), this.clock);
	}

	@AfterEach
	void stopRedis() {
		this.redis.close();
	}

	@Test
	void aBotAndInstallerReadLatelyAreServedFromMemoryAndOthersAreNot() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));
		this.installations.saveInstallerAndBot(install(null, "T2", "U1", "xoxb-two", false));
		this.installations.findBot(null, "T1");
		this.installations.findInstaller(null, "T1", "U1");

		this.redis.stop();

		assertThat(this.installations.findBot(null, "T1").getBotAccessToken()).isEqualTo("xoxb-one");
		assertThat(this.installations.findInstaller(null, "T1", "U1").getInstallerUserAccessToken())
			.isEqualTo("xoxp-U1");
		assertThatThrownBy(() -> this.installations.findBot(null, "T2")).as("never read here")
			.isInstanceOf(StoreUnavailableException.class);
		assertThatThrownBy(() -> this.installations.findInstaller(null, "T1", "U2"))
			.isInstanceOf(StoreUnavailableException.class);
	}

	@Test
	void anUninstallOrARotatedTokenSeenHereIsNeverUndoneFromMemory() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));
		this.installations.saveInstallerAndBot(install(null, "T2", "U1", "xoxb-two", false));
		this.installations.findBot(null, "T1");
		this.installations.findBot(null, "T2");
		this.installations.deleteAll(null, "T1");
		this.installations.saveBot(install(null, "T2", "U1", "xoxb-rotated", false).toBot());

		this.redis.stop();

		assertThatThrownBy(() -> this.installations.findBot(null, "T1")).isInstanceOf(StoreUnavailableException.class);
		assertThatThrownBy(() -> this.installations.findBot(null, "T2")).isInstanceOf(StoreUnavailableException.class);
	}

	@Test
	void whatRedisNoLongerHasIsNotServedFromMemory() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));
		this.installations.findBot(null, "T1");
		// As another instance's uninstall leaves it, seen by a later read here.
		this.redis.template().delete(Keys.installation("T1"));
		assertThat(this.installations.findBot(null, "T1")).isNull();

		this.redis.stop();

		assertThatThrownBy(() -> this.installations.findBot(null, "T1")).isInstanceOf(StoreUnavailableException.class);
	}

	@Test
	void aLookupReadLongerAgoThanItIsKeptIsNotServed() {
		this.installations.saveInstallerAndBot(install(null, "T1", "U1", "xoxb-one", false));
		this.installations.findBot(null, "T1");
		this.clock.advance(RecentInstallations.KEPT.plusSeconds(1));

		this.redis.stop();

		assertThatThrownBy(() -> this.installations.findBot(null, "T1")).isInstanceOf(StoreUnavailableException.class);
	}

}
