package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;

/**
 * A facilitator's request to move an open cut's deadline later by a duration ("2h").
 */
public record ExtendDeadline(Cut cut, String user, String extension) {

	public ExtendDeadline {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(extension, "extension");
	}

}
