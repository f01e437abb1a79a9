package dev.scopecut.app.port;

import java.util.Map;

/**
 * What became of a ballot: one voter's choices on several items of a cut, recorded in one
 * step, each by the rules of a click.
 *
 * @param outcomes each item's outcome, by item id, in the order given
 * @param asksRefresh whether the ballot asked for a refresh of the cut's message (the
 * store saved its job with it)
 * @param everyoneVoted whether, with this ballot, everyone who may vote has voted on
 * every item of a cut that closes then
 */
public record BallotResult(Map<Integer, VoteResult.Outcome> outcomes, boolean asksRefresh, boolean everyoneVoted) {

	public BallotResult {
		outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
	}

	/** How many items had the given outcome. */
	public long count(VoteResult.Outcome outcome) {
		return this.outcomes.values().stream().filter((each) -> each == outcome).count();
	}

	/** Whether the ballot changed no choice at all, and so nothing. */
	public boolean changedNothing() {
		return this.outcomes.values()
			.stream()
			.noneMatch((each) -> each == VoteResult.Outcome.RECORDED || each == VoteResult.Outcome.CHANGED);
	}

}
