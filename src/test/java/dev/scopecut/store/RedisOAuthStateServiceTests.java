package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.slack.api.bolt.service.OAuthStateService;
import org.junit.jupiter.api.Test;

class RedisOAuthStateServiceTests extends RedisStoreTest {

	private final RedisOAuthStateService states = new RedisOAuthStateService(template, new RedisGuard(),
			Duration.ofSeconds(OAuthStateService.DEFAULT_EXPIRATION_IN_SECONDS));

	@Test
	void aStateIsGoodOnceAndExpiresWithinTenMinutes() {
		String state = this.states.generateNewStateValue();
		this.states.addNewStateToDatastore(state);

		Long ttl = template.getExpire(Keys.oauthState(state));
		assertThat(ttl).isBetween(590L, 600L);
		assertThat(this.states.getExpirationInSeconds()).isEqualTo(600);
		assertThat(this.states.isAvailableInDatabase(state)).isTrue();
		assertThat(this.states.isAvailableInDatabase(state)).as("replayed").isFalse();
	}

	@Test
	void ofManyRedirectsCarryingOneStateAtOnceExactlyOnePasses() throws Exception {
		String state = this.states.generateNewStateValue();
		this.states.addNewStateToDatastore(state);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> checks = IntStream.range(0, 16)
				.mapToObj((i) -> pool.submit(() -> this.states.isAvailableInDatabase(state)))
				.toList();
			long passed = 0;
			for (Future<Boolean> check : checks) {
				passed += check.get() ? 1 : 0;
			}
			assertThat(passed).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anExpiredStateIsRefused() {
		RedisOAuthStateService shortLived = new RedisOAuthStateService(template, new RedisGuard(),
				Duration.ofMillis(50));
		String state = shortLived.generateNewStateValue();
		shortLived.addNewStateToDatastore(state);

		await("Redis expires the state").atMost(Duration.ofSeconds(5))
			.until(() -> !template.hasKey(Keys.oauthState(state)));

		assertThat(shortLived.isAvailableInDatabase(state)).isFalse();
		assertThat(shortLived.getExpirationInSeconds()).isEqualTo(1);
	}

	@Test
	void unknownOrMalformedStatesAreRefusedWithoutTouchingOthers() {
		String state = this.states.generateNewStateValue();
		this.states.addNewStateToDatastore(state);

		assertThat(this.states.isAvailableInDatabase("never-issued")).isFalse();
		assertThat(this.states.isAvailableInDatabase("*")).isFalse();
		assertThat(this.states.isAvailableInDatabase("")).isFalse();
		assertThat(this.states.isAvailableInDatabase(null)).isFalse();
		assertThat(this.states.isAvailableInDatabase("x".repeat(65))).isFalse();
		this.states.deleteStateFromDatastore("*");

		assertThat(template.hasKey(Keys.oauthState(state))).isTrue();
	}

}
