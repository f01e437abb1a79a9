package dev.scopecut.cut;

import java.util.Objects;

/**
 * The parts of an open cut its facilitator may change after it started: title, release
 * question, capacity and quorum. The items have their own edits; the voters and anonymity
 * stay as the voters were told.
 *
 * @param question may be empty
 * @param capacity 0 for no limit
 * @param quorum 0 for none
 */
public record CutDetails(String title, String question, int capacity, int quorum) {

	public CutDetails {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(question, "question");
		if (capacity < 0 || quorum < 0) {
			throw new IllegalArgumentException("capacity and quorum are 0 (none) or positive");
		}
	}

	/** The details the cut has now. */
	public static CutDetails of(Cut cut) {
		return new CutDetails(cut.title(), cut.settings().question(), cut.settings().capacity(),
				cut.settings().quorum());
	}

}
