package dev.scopecut.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRuleTests {

	private static final Instant DEADLINE = Instant.parse("2030-01-01T12:00:00Z");

	private static final String BASE_RULE = "Rule: an item ships when its Ship votes outnumber its Defer votes;"
			+ " a tie or no vote defers it.";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# case                                                    | capacity | ship-defer per item listed | verdicts
					Ship outnumbering Defer ships                             | 0 | 3-1                     | SHIP
					a single Ship vote ships                                  | 0 | 1-0                     | SHIP
					Defer outnumbering Ship defers                            | 0 | 1-3                     | DEFER
					a single Defer vote defers                                | 0 | 0-1                     | DEFER
					a tie defers the item flagged as a tie                    | 0 | 2-2                     | TIE
					no vote at all defers flagged as no votes                 | 0 | 0-0                     | NO_VOTES
					without capacity every winner ships                       | 0 | 1-0 9-0 0-0 2-1 1-2     | SHIP SHIP NO_VOTES SHIP DEFER
					capacity ranks by margin before Ship count                | 1 | 6-4 3-0                 | OVER_CAPACITY SHIP
					capacity breaks an equal margin by Ship count             | 1 | 2-1 3-2                 | OVER_CAPACITY SHIP
					capacity breaks equal margin and Ship count by list order | 1 | 3-1 3-1                 | SHIP OVER_CAPACITY
					capacity keeps the top N and marks the rest over capacity | 2 | 1-0 5-0 3-1 5-0 0-0 1-2 | OVER_CAPACITY SHIP OVER_CAPACITY SHIP NO_VOTES DEFER
					losing and tied items take no place under the capacity    | 1 | 0-2 1-1 2-1             | DEFER TIE SHIP
					capacity equal to the winners ships them all              | 2 | 2-1 4-0                 | SHIP SHIP
					capacity larger than the winners ships them all           | 3 | 2-1 0-1 1-1 4-0         | SHIP DEFER TIE SHIP
					""")
	void decidesEachItemFromItsVotesAndTheCapacity(String description, int capacity, String votes, String verdicts) {
		Decision decision = DecisionRule.decide(settings(capacity, 0), tally(votes, 3));

		assertThat(decision.outcomes()).extracting(Outcome::verdict)
			.containsExactlyElementsOf(Arrays.stream(verdicts.split(" ")).map(Verdict::valueOf).toList());
	}

	@Test
	void outcomesKeepTheListedOrderAndSplitIntoShippedAndDeferred() {
		Decision decision = DecisionRule.decide(settings(1, 0), tally("0-1 4-0 2-0 1-1", 4));

		assertThat(decision.outcomes()).extracting((outcome) -> outcome.item().id()).containsExactly(1, 2, 3, 4);
		assertThat(decision.shipped()).extracting((outcome) -> outcome.item().text()).containsExactly("item 2");
		assertThat(decision.deferred()).extracting((outcome) -> outcome.item().text())
			.containsExactly("item 1", "item 3", "item 4");
		assertThat(decision.deferred()).extracting(Outcome::verdict)
			.containsExactly(Verdict.DEFER, Verdict.OVER_CAPACITY, Verdict.TIE);
	}

	@Test
	void tiesAndOverCapacityAreFlaggedButPlainVerdictsAreNot() {
		assertThat(Verdict.TIE.flag()).isEqualTo("tie");
		assertThat(Verdict.NO_VOTES.flag()).isEqualTo("no votes");
		assertThat(Verdict.OVER_CAPACITY.flag()).isEqualTo("over capacity");
		assertThat(Verdict.SHIP.flag()).isEmpty();
		assertThat(Verdict.DEFER.flag()).isEmpty();
		assertThat(Verdict.values()).filteredOn(Verdict::ships).containsExactly(Verdict.SHIP);
	}

	@ParameterizedTest(name = "quorum {0} with {1} voters is met: {2}")
	@CsvSource({ "0, 0, true", "0, 5, true", "1, 0, false", "1, 1, true", "3, 2, false", "3, 3, true", "3, 4, true" })
	void quorumIsMetOnlyWithAtLeastThatManyVoters(int quorum, int voters, boolean met) {
		Decision decision = DecisionRule.decide(settings(0, quorum), tally("1-0", voters));

		assertThat(decision.quorumMet()).isEqualTo(met);
		assertThat(decision.voterCount()).isEqualTo(voters);
	}

	@Test
	void aResultWithoutQuorumStillShowsTheCounts() {
		Decision decision = DecisionRule.decide(settings(0, 5), tally("2-0 0-1 1-1", 2));

		assertThat(decision.quorumMet()).isFalse();
		assertThat(decision.voterCount()).isEqualTo(2);
		assertThat(decision.outcomes()).extracting((outcome) -> outcome.tally().ship() + "-" + outcome.tally().defer())
			.containsExactly("2-0", "0-1", "1-1");
	}

	@ParameterizedTest(name = "capacity {0}, quorum {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0 | 0 |
			2 | 0 | At most 2 ship, ranked by margin, then Ship votes, then the order listed.
			0 | 3 | Quorum: 3 voters.
			0 | 1 | Quorum: 1 voter.
			2 | 3 | At most 2 ship, ranked by margin, then Ship votes, then the order listed. Quorum: 3 voters.
			""")
	void ruleStatementMentionsCapacityAndQuorumOnlyWhenSet(int capacity, int quorum, String extra) {
		String statement = DecisionRule.statement(settings(capacity, quorum));

		assertThat(statement).isEqualTo((extra != null) ? BASE_RULE + " " + extra : BASE_RULE);
	}

	@Test
	void everyDecisionStatesTheRuleItApplied() {
		CutSettings settings = settings(2, 3);

		Decision decision = DecisionRule.decide(settings, tally("1-0 0-0", 1));

		assertThat(decision.rule()).isEqualTo(DecisionRule.statement(settings))
			.contains("At most 2 ship")
			.contains("Quorum: 3 voters.");
	}

	private static CutSettings settings(int capacity, int quorum) {
		return new CutSettings("", DEADLINE, capacity, quorum, false);
	}

	/** A tally from "ship-defer" pairs, one per item listed, items numbered from 1. */
	private static Tally tally(String votes, int voterCount) {
		List<ItemTally> items = new ArrayList<>();
		for (String pair : votes.split(" ")) {
			String[] counts = pair.split("-");
			Item item = new Item(items.size() + 1, "item " + (items.size() + 1));
			items.add(new ItemTally(item, Integer.parseInt(counts[0]), Integer.parseInt(counts[1]), List.of()));
		}
		return new Tally(items, voterCount);
	}

}
