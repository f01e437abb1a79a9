package dev.scopecut.cut;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running count of a cut, item by item in the order listed.
 *
 * @param voterCount how many people voted on at least one item
 */
public record Tally(List<ItemTally> items, int voterCount) {

	public Tally {
		items = List.copyOf(items);
	}

	/** Counts the ballots; a vote on an item the cut no longer has is not counted. */
	public static Tally count(List<Item> items, Ballots ballots) {
		List<ItemTally> tallies = new ArrayList<>();
		Set<String> everyone = new LinkedHashSet<>();
		for (Item item : items) {
			int ship = 0;
			int defer = 0;
			List<String> voters = new ArrayList<>();
			for (Map.Entry<String, Map<Integer, Choice>> ballot : ballots.byVoter().entrySet()) {
				Choice choice = ballot.getValue().get(item.id());
				if (choice == null) {
					continue;
				}
				voters.add(ballot.getKey());
				everyone.add(ballot.getKey());
				if (choice == Choice.SHIP) {
					ship++;
				}
				else {
					defer++;
				}
			}
			tallies.add(new ItemTally(item, ship, defer, voters));
		}
		return new Tally(tallies, everyone.size());
	}

}
