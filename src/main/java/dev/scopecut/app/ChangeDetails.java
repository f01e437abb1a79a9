package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;

/**
 * A facilitator's request to change an open cut's title, question, capacity and quorum.
 *
 * @param readAs the {@link CutDetails#fingerprint() fingerprint} of the details the
 * facilitator's form showed
 */
public record ChangeDetails(Cut cut, String user, String readAs, CutDetails wanted) {

	public ChangeDetails {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(readAs, "readAs");
		Objects.requireNonNull(wanted, "wanted");
	}

}
