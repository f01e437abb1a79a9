package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.Cut;

/**
 * A facilitator's request to close a cut: the decision is posted.
 *
 * @param confirmed whether the facilitator has already said to close it whatever the
 * votes (the Close button's dialog, {@code /scopecut close ID force}); unconfirmed, a cut
 * not everyone has voted on in full is not closed but asked about
 */
public record CloseCut(Cut cut, String user, boolean confirmed) {

	public CloseCut {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
	}

	/** A confirmed request, as the Close button's dialog makes. */
	public CloseCut(Cut cut, String user) {
		this(cut, user, true);
	}

}
