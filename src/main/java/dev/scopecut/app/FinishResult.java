package dev.scopecut.app;

import dev.scopecut.cut.Cut;

/** What became of a request to close or cancel a cut. */
public record FinishResult(Outcome outcome, Cut cut) {

	public enum Outcome {

		/** This request closed or cancelled the cut. */
		DONE,
		/** Only the facilitator may close or cancel. */
		NOT_FACILITATOR,
		/** The cut had already been closed or cancelled. */
		NOT_OPEN

	}

}
