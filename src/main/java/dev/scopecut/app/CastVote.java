package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CutRef;

/** One click on Ship or Defer. */
public record CastVote(CutRef cut, String voter, int itemId, Choice choice) {

	public CastVote {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(voter, "voter");
		Objects.requireNonNull(choice, "choice");
	}

}
