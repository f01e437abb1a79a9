package dev.scopecut.cut;

import java.util.List;

/**
 * The result of a cut: each item's outcome in the order listed, and the deciding rule.
 *
 * @param quorumMet false when a quorum was set and fewer people voted
 * @param rule the decision rule in words, stated in every result
 */
public record Decision(List<Outcome> outcomes, int voterCount, boolean quorumMet, String rule) {

	public Decision {
		outcomes = List.copyOf(outcomes);
	}

	public List<Outcome> shipped() {
		return this.outcomes.stream().filter((outcome) -> outcome.verdict().ships()).toList();
	}

	public List<Outcome> deferred() {
		return this.outcomes.stream().filter((outcome) -> !outcome.verdict().ships()).toList();
	}

}
