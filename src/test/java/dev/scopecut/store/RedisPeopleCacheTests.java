package dev.scopecut.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scopecut.app.port.PeopleCache.Person;

/**
 * The people cache against a real Redis: one expiring key per person, read back for a
 * whole channel at once, per workspace.
 */
class RedisPeopleCacheTests extends RedisStoreTest {

	RedisPeopleCache cache;

	@BeforeEach
	void cache() {
		this.cache = new RedisPeopleCache(template, new RedisGuard());
	}

	@Test
	void keptPeopleAreFoundWithWhatSlackSaidAndTheOthersAreMissing() {
		this.cache.keep("T1", List.of(new Person("U1", true, "Europe/Paris", "Ann | Lee"), new Person("U2", false, ""),
				new Person("U3", true, "")));

		Map<String, Person> found = this.cache.find("T1", List.of("U1", "U2", "U3", "U4"));

		assertThat(found).containsOnlyKeys("U1", "U2", "U3");
		assertThat(found.get("U1")).isEqualTo(new Person("U1", true, "Europe/Paris", "Ann | Lee"));
		assertThat(found.get("U2")).isEqualTo(new Person("U2", false, ""));
		assertThat(found.get("U3")).isEqualTo(new Person("U3", true, ""));
		assertThat(template.opsForValue().get("scopecut:{T1}:person:U1")).isEqualTo("H|Europe/Paris|Ann | Lee");
	}

	@Test
	void anEntryKeptBeforeNamesWereReadsWithNoName() {
		template.opsForValue().set("scopecut:{T1}:person:U1", "H|Europe/Paris");

		assertThat(this.cache.find("T1", List.of("U1"))).containsEntry("U1",
				new Person("U1", true, "Europe/Paris", ""));
	}

	@Test
	void eachPersonExpiresADayAfterBeingKeptAndALaterAnswerReplacesTheEarlier() {
		this.cache.keep("T1", List.of(new Person("U1", true, "Europe/Paris")));
		this.cache.keep("T1", List.of(new Person("U1", false, "Asia/Tokyo")));

		long ttl = template.getExpire("scopecut:{T1}:person:U1", TimeUnit.SECONDS);
		assertThat(ttl).isBetween(RedisPeopleCache.KEPT.toSeconds() - 60, RedisPeopleCache.KEPT.toSeconds());
		assertThat(this.cache.find("T1", List.of("U1"))).containsEntry("U1", new Person("U1", false, "Asia/Tokyo"));
	}

	@Test
	void workspacesKeepTheirOwnPeople() {
		this.cache.keep("T1", List.of(new Person("U1", true, "Europe/Paris")));

		assertThat(this.cache.find("T2", List.of("U1"))).isEmpty();
		assertThat(this.cache.find("T1", List.of())).isEmpty();
	}

	@Test
	void aWholeChannelIsKeptAndReadInOneGo() {
		List<Person> people = IntStream.range(0, 500)
			.mapToObj((i) -> new Person(String.format("U%04d", i), i % 7 != 0, "America/New_York"))
			.toList();

		this.cache.keep("T1", people);

		Map<String, Person> found = this.cache.find("T1", people.stream().map(Person::id).toList());
		assertThat(found).hasSize(500);
		assertThat(found.values().stream().filter(Person::human)).hasSize(428);
	}

	@Test
	void aPersonNeedsAnId() {
		assertThatThrownBy(() -> new Person(" ", true, "UTC")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("id");
		assertThat(new Person("U1", true, null).timeZone()).isEmpty();
	}

}
