package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;

/** A facilitator's request to remove an item, named by its text, from an open cut. */
public record RemoveItem(Cut cut, String user, String text) {

	public RemoveItem {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(text, "text");
	}

}
