package dev.scopecut.app.port;

/**
 * What became of one click on Ship or Defer.
 *
 * @param itemText the item voted on, for the voter's confirmation; empty when not found
 * @param asksRefresh whether the vote asked for a refresh of the cut's message (the store
 * saved its job with the vote): true for a change unless a refresh was already asked for
 * and has not yet read the cut
 * @param everyoneVoted whether, with this change, every chosen voter has voted on every
 * item of a cut that closes then
 */
public record VoteResult(Outcome outcome, String itemText, boolean asksRefresh, boolean everyoneVoted) {

	public VoteResult(Outcome outcome, String itemText, boolean asksRefresh) {
		this(outcome, itemText, asksRefresh, false);
	}

	public enum Outcome {

		/** A first vote on the item. */
		RECORDED,
		/** The voter changed their choice. */
		CHANGED,
		/** The voter clicked the choice they had already made: nothing changed. */
		UNCHANGED,
		/** The cut is closed or cancelled. */
		NOT_OPEN,
		/** The cut has chosen voters and the voter is not one of them. */
		NOT_A_VOTER,
		/** The cut does not exist in this workspace, or no longer has the item. */
		NOT_FOUND

	}

	public boolean changedTally() {
		return this.outcome == Outcome.RECORDED || this.outcome == Outcome.CHANGED;
	}

}
