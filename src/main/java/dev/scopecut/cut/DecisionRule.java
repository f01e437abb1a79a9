package dev.scopecut.cut;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scopecut's decision rule. An item ships when its Ship votes outnumber its Defer votes;
 * a tie, or no vote, defers it: when in doubt, cut. With a capacity of N, at most N items
 * ship, ranked by margin, then Ship votes, then the order listed. With a quorum, too few
 * voters is said plainly but the counts still stand.
 */
public final class DecisionRule {

	private static final Comparator<ItemTally> RANKING = Comparator.comparingInt(ItemTally::margin)
		.thenComparingInt(ItemTally::ship)
		.reversed()
		.thenComparingInt((tally) -> tally.item().id());

	private DecisionRule() {
	}

	public static Decision decide(CutSettings settings, Tally tally) {
		Set<Integer> withinCapacity = withinCapacity(settings, tally);
		List<Outcome> outcomes = new ArrayList<>();
		for (ItemTally item : tally.items()) {
			outcomes.add(new Outcome(item, verdict(item, withinCapacity)));
		}
		boolean quorumMet = !settings.hasQuorum() || tally.voterCount() >= settings.quorum();
		return new Decision(outcomes, tally.voterCount(), quorumMet, statement(settings));
	}

	private static Verdict verdict(ItemTally item, Set<Integer> withinCapacity) {
		if (item.ship() == 0 && item.defer() == 0) {
			return Verdict.NO_VOTES;
		}
		if (item.ship() == item.defer()) {
			return Verdict.TIE;
		}
		if (item.ship() < item.defer()) {
			return Verdict.DEFER;
		}
		return withinCapacity.contains(item.item().id()) ? Verdict.SHIP : Verdict.OVER_CAPACITY;
	}

	/**
	 * The ids of the winning items that fit under the capacity (all, with no capacity).
	 */
	private static Set<Integer> withinCapacity(CutSettings settings, Tally tally) {
		List<ItemTally> winners = tally.items()
			.stream()
			.filter((item) -> item.ship() > item.defer())
			.sorted(RANKING)
			.toList();
		int limit = settings.hasCapacity() ? Math.min(settings.capacity(), winners.size()) : winners.size();
		Set<Integer> ids = new HashSet<>();
		winners.subList(0, limit).forEach((item) -> ids.add(item.item().id()));
		return ids;
	}

	/** The rule as applied, in words. */
	public static String statement(CutSettings settings) {
		StringBuilder rule = new StringBuilder(
				"Rule: an item ships when its Ship votes outnumber its Defer votes; a tie or no vote defers it.");
		if (settings.hasCapacity()) {
			rule.append(" At most ")
				.append(settings.capacity())
				.append(" ship, ranked by margin, then Ship votes, then the order listed.");
		}
		if (settings.hasQuorum()) {
			rule.append(" Quorum: ").append(settings.quorum()).append(settings.quorum() == 1 ? " voter." : " voters.");
		}
		return rule.toString();
	}

}
