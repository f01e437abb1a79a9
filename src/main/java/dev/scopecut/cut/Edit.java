package dev.scopecut.cut;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the facilitator made to an open cut, kept in the cut's history and shown in
 * its decision record.
 *
 * @param detail what changed, as a person reads it: the item's text, the extension and
 * the new deadline, or each changed detail with its old and new value
 */
public record Edit(Kind kind, Instant at, String by, String detail) {

	public enum Kind {

		ADD("added"), REMOVE("removed"), EXTEND("extended the deadline"), CHANGE("changed");

		private final String verb;

		Kind(String verb) {
			this.verb = verb;
		}

		/** What the facilitator did, as a verb phrase: "added", "removed"... */
		public String verb() {
			return this.verb;
		}

	}

	public Edit {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(detail, "detail");
	}

}
