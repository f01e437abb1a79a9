package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;

/** A facilitator's request to close a cut: the decision is posted. */
public record CloseCut(Cut cut, String user) {

	public CloseCut {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
	}

}
