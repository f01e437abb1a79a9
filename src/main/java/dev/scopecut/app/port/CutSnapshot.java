package dev.scopecut.app.port;

import java.time.Instant;

import dev.scopecut.cut.Ballots;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Decision;
import dev.scopecut.cut.DecisionRule;
import dev.scopecut.cut.Tally;

/**
 * A cut and its votes read together in one atomic step.
 *
 * @param version the cut's change counter when read
 * @param shownAt when its message was last updated; null if never
 * @param unshownSince when the oldest vote its message does not show yet was stored; null
 * if none
 */
public record CutSnapshot(Cut cut, Ballots ballots, long version, Instant shownAt, Instant unshownSince) {

	public CutSnapshot(Cut cut, Ballots ballots, long version, Instant shownAt) {
		this(cut, ballots, version, shownAt, null);
	}

	public Tally tally() {
		return Tally.count(this.cut.items(), this.ballots);
	}

	public Decision decision() {
		return DecisionRule.decide(this.cut.settings(), tally());
	}

}
