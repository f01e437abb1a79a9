package dev.scopecut.cut;

import java.util.List;

/**
 * The votes on one item.
 *
 * @param voters who voted on the item (not what they chose), in the order first seen
 */
public record ItemTally(Item item, int ship, int defer, List<String> voters) {

	public ItemTally {
		voters = List.copyOf(voters);
	}

	/** Ship votes less Defer votes: the first key when capacity forces a ranking. */
	public int margin() {
		return this.ship - this.defer;
	}

}
