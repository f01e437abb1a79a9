package dev.scopecut.app;

import dev.scopecut.cut.CutRef;

/**
 * Work on one cut that is due at a time and must happen once, whichever instance does it.
 */
public record Job(Kind kind, CutRef cut) {

	public enum Kind {

		/** Bring the cut's message up to date with its votes. */
		REFRESH,
		/** Post the decision of a closed cut in its channel. */
		ANNOUNCE,
		/** Close the cut at its deadline. */
		CLOSE

	}

}
