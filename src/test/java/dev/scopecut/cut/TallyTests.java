package dev.scopecut.cut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTests {

	private static final Item SIGNUP = new Item(1, "email signup");

	private static final Item PROJECT = new Item(2, "create project");

	private static final Item LINK = new Item(3, "share link");

	@Test
	void countsShipAndDeferVotesPerItemInTheOrderListed() {
		Ballots ballots = ballots(Map.of("U1", Map.of(1, Choice.SHIP, 2, Choice.DEFER)),
				Map.of("U2", Map.of(1, Choice.SHIP, 2, Choice.SHIP)), Map.of("U3", Map.of(1, Choice.DEFER)));

		Tally tally = Tally.count(List.of(SIGNUP, PROJECT, LINK), ballots);

		assertThat(tally.items()).extracting(ItemTally::item).containsExactly(SIGNUP, PROJECT, LINK);
		assertThat(tally.items()).extracting(ItemTally::ship).containsExactly(2, 1, 0);
		assertThat(tally.items()).extracting(ItemTally::defer).containsExactly(1, 1, 0);
		assertThat(tally.items()).extracting(ItemTally::margin).containsExactly(1, 0, 0);
	}

	@Test
	void namesWhoVotedOnEachItemInTheOrderFirstSeen() {
		Ballots ballots = ballots(Map.of("U3", Map.of(1, Choice.DEFER, 2, Choice.SHIP)),
				Map.of("U1", Map.of(1, Choice.SHIP)), Map.of("U2", Map.of(2, Choice.DEFER)));

		Tally tally = Tally.count(List.of(SIGNUP, PROJECT, LINK), ballots);

		assertThat(tally.items()).extracting(ItemTally::voters)
			.containsExactly(List.of("U3", "U1"), List.of("U3", "U2"), List.of());
	}

	@Test
	void votesOnItemsTheCutNoLongerHasAreNotCounted() {
		Ballots ballots = ballots(Map.of("U1", Map.of(1, Choice.SHIP, 2, Choice.SHIP)),
				Map.of("U2", Map.of(2, Choice.DEFER)));

		Tally tally = Tally.count(List.of(SIGNUP, LINK), ballots);

		assertThat(tally.items()).extracting(ItemTally::item).containsExactly(SIGNUP, LINK);
		assertThat(tally.items()).extracting(ItemTally::ship).containsExactly(1, 0);
		assertThat(tally.items()).extracting(ItemTally::defer).containsExactly(0, 0);
		assertThat(tally.voterCount()).as("U2 voted only on the removed item").isEqualTo(1);
	}

	@Test
	void voterCountCountsEachPersonOnceHoweverManyItemsTheyVotedOn() {
		Ballots ballots = ballots(Map.of("U1", Map.of(1, Choice.SHIP, 2, Choice.DEFER, 3, Choice.SHIP)),
				Map.of("U2", Map.of(3, Choice.DEFER)), Map.of("U3", Map.of()));

		Tally tally = Tally.count(List.of(SIGNUP, PROJECT, LINK), ballots);

		assertThat(tally.voterCount()).isEqualTo(2);
	}

	@Test
	void noBallotsCountNothing() {
		Tally tally = Tally.count(List.of(SIGNUP, PROJECT), Ballots.NONE);

		assertThat(tally.voterCount()).isZero();
		assertThat(tally.items()).allSatisfy((item) -> {
			assertThat(item.ship()).isZero();
			assertThat(item.defer()).isZero();
			assertThat(item.voters()).isEmpty();
		});
	}

	@SafeVarargs
	private static Ballots ballots(Map<String, Map<Integer, Choice>>... voters) {
		Map<String, Map<Integer, Choice>> byVoter = new LinkedHashMap<>();
		for (Map<String, Map<Integer, Choice>> voter : voters) {
			byVoter.putAll(voter);
		}
		return new Ballots(byVoter);
	}

}
