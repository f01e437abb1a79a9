package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's Retry-After per workspace and method, against a real Redis. */
class RedisMethodHoldOffsTests extends RedisStoreTest {

	RedisMethodHoldOffs holdOffs;

	@BeforeEach
	void holdOffs() {
		this.holdOffs = new RedisMethodHoldOffs(template, new RedisGuard());
	}

	@Test
	void slacksWaitLastsExactlyItsRetryAfterPerWorkspaceAndMethod() {
		assertThat(this.holdOffs.heldOff("T1", "users.list")).isZero();

		this.holdOffs.holdOff("T1", "users.list", Duration.ofSeconds(30));

		assertThat(this.holdOffs.heldOff("T1", "users.list")).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
		assertThat(this.holdOffs.heldOff("T1", "users.info")).isZero();
		assertThat(this.holdOffs.heldOff("T2", "users.list")).isZero();
		assertThat(template.getExpire("scopecut:{T1}:held-off:users.list", TimeUnit.MILLISECONDS)).isPositive();
	}

}
