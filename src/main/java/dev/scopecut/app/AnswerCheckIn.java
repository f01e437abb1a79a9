package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.CutRef;

/**
 * A click or a form answering a cut's check-in.
 *
 * @param text what was learned, as typed; ignored for {@link Reply#NOT_YET}
 */
public record AnswerCheckIn(CutRef cut, String user, Reply reply, String text) {

	public enum Reply {

		/** <em>We learned it</em>. */
		LEARNED,
		/** <em>No</em>. */
		NOT_LEARNED,
		/** <em>Not yet: ask again in a week</em>. */
		NOT_YET

	}

	public AnswerCheckIn {
		Objects.requireNonNull(cut, "cut");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(reply, "reply");
		text = (text != null) ? text : "";
	}

}
