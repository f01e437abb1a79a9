package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;

/** A facilitator's request to cancel a cut: no decision is posted. */
public record CancelCut(Cut cut, String user) {

	public CancelCut {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
	}

}
