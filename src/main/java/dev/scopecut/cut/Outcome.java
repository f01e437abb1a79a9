package dev.scopecut.cut;

/** One item's votes and what the rule made of them. */
public record Outcome(ItemTally tally, Verdict verdict) {

	public Item item() {
		return this.tally.item();
	}

}
