package dev.scopecut.app;

import java.util.Map;
import java.util.Objects;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CutRef;

/**
 * One submitted ballot: a voter's choices on several items of a cut at once.
 *
 * @param choices the choice by item id, in the order given; at least one
 */
public record CastBallot(CutRef cut, String voter, Map<Integer, Choice> choices) {

	public CastBallot {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(voter, "voter");
		if (choices.isEmpty()) {
			throw new IllegalArgumentException("a ballot has at least one choice");
		}
		choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
	}

}
