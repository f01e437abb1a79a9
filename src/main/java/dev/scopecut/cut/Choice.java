package dev.scopecut.cut;

/** What a voter says of one item. */
public enum Choice {

	SHIP("Ship"), DEFER("Defer");

	private final String label;

	Choice(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
