package dev.scopecut.cut;

/** What the decision rule made of one item. */
public enum Verdict {

	/** Ship votes outnumbered Defer votes, within capacity. */
	SHIP(true, ""),
	/** Defer votes outnumbered Ship votes. */
	DEFER(false, ""),
	/** Equal votes, not none: deferred, since when in doubt we cut. */
	TIE(false, "tie"),
	/** Nobody voted on it: deferred too, and not called a tie. */
	NO_VOTES(false, "no votes"),
	/** Would have shipped, but ranked below the capacity line. */
	OVER_CAPACITY(false, "over capacity");

	private final boolean ships;

	private final String flag;

	Verdict(boolean ships, String flag) {
		this.ships = ships;
		this.flag = flag;
	}

	public boolean ships() {
		return this.ships;
	}

	/** The flag shown after the item, such as "tie"; empty when there is none. */
	public String flag() {
		return this.flag;
	}

}
