package dev.scopecut.app;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Edit;

/**
 * What became of a facilitator's edit of a cut.
 *
 * @param edit the edit made; null unless {@link Outcome#DONE}
 */
public record EditResult(Outcome outcome, Cut cut, Edit edit) {

	public enum Outcome {

		/** The edit is stored and the cut's message will show it. */
		DONE,
		/** The edit asked for what the cut already has; nothing changed or recorded. */
		UNCHANGED,
		/** Only the facilitator may edit. */
		NOT_FACILITATOR,
		/** The cut had been closed or cancelled; nothing changed. */
		NOT_OPEN

	}

}
