package dev.scopecut.cut;

import java.time.Instant;
import java.util.Objects;

/**
 * What a cut's facilitator answered when asked whether the release taught what the cut
 * asked.
 *
 * @param text what was learned, as typed (stripped); may be empty
 * @param at when it was answered
 */
public record CheckInAnswer(Kind kind, String text, Instant at) {

	/**
	 * The most characters of what was learned: well within a Slack text input's 3,000,
	 * and leaving room beside the release question in a message.
	 */
	public static final int TEXT_MAX = 2000;

	public enum Kind {

		/** The release answered its question. */
		LEARNED,
		/** It did not. */
		NOT_LEARNED

	}

	public CheckInAnswer {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
		text = checked(text);
	}

	/**
	 * What was learned, stripped, and refused beyond {@link #TEXT_MAX} characters or when
	 * only invisible characters.
	 * @throws InvalidCutException on the check-in text field
	 */
	public static String checked(String typed) {
		String text = (typed != null) ? typed.strip() : "";
		if (TypedText.length(text) > TEXT_MAX) {
			throw InvalidCutException.of(InvalidCutException.Reason.CHECK_IN_TEXT_TOO_LONG, TypedText.length(text),
					TEXT_MAX);
		}
		if (!text.isEmpty() && TypedText.isInvisible(text)) {
			throw InvalidCutException.of(InvalidCutException.Reason.CHECK_IN_TEXT_INVISIBLE);
		}
		return text;
	}

	public boolean learned() {
		return this.kind == Kind.LEARNED;
	}

}
