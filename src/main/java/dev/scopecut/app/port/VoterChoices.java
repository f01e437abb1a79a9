package dev.scopecut.app.port;

import java.util.Map;
import java.util.Objects;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;

/**
 * One voter's own choices on a cut, read with the cut in one atomic step; nothing about
 * anyone else's votes.
 *
 * @param choices the voter's choice by item id; an item they have not voted on is absent
 */
public record VoterChoices(Cut cut, Map<Integer, Choice> choices) {

	public VoterChoices {
		Objects.requireNonNull(cut, "cut");
		choices = Map.copyOf(choices);
	}

}
