package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;

/** A facilitator's request to add an item, as typed, to an open cut. */
public record AddItem(Cut cut, String user, String text) {

	public AddItem {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(text, "text");
	}

}
