package dev.scopecut.app;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.Cut;

/**
 * What became of a request to close or cancel a cut.
 *
 * @param standing the cut and its votes when closing it waits for the facilitator's
 * confirmation; null otherwise
 */
public record FinishResult(Outcome outcome, Cut cut, CutSnapshot standing) {

	public FinishResult(Outcome outcome, Cut cut) {
		this(outcome, cut, null);
	}

	public enum Outcome {

		/** This request closed or cancelled the cut. */
		DONE,
		/** Only the facilitator may close or cancel. */
		NOT_FACILITATOR,
		/** The cut had already been closed or cancelled. */
		NOT_OPEN,
		/**
		 * Not everyone who may vote has voted on every item, and closing was not
		 * confirmed: nothing changed, the facilitator is asked.
		 */
		UNCONFIRMED

	}

}
