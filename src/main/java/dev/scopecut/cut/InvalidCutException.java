package dev.scopecut.cut;

import java.util.function.UnaryOperator;

/**
 * A cut as asked for breaks a rule; the message says, to a person, what to change, and
 * {@link #field()} which part of the request is at fault, so that a form can show the
 * message beside that field. A message that quotes what was typed keeps it apart, so that
 * each surface shows it {@link #message(UnaryOperator) escaped} as its own text needs.
 */
public class InvalidCutException extends RuntimeException {

	/** The part of a cut's request a refusal is about. */
	public enum Field {

		TITLE, ITEMS, DEADLINE, REMINDERS, CAPACITY, QUORUM, VOTERS,
		/** The request as a whole, as a quick start's text. */
		REQUEST

	}

	private final Field field;

	private final String format;

	private final String typed;

	public InvalidCutException(String message) {
		this(Field.REQUEST, message);
	}

	public InvalidCutException(Field field, String message) {
		super(message);
		this.field = field;
		this.format = null;
		this.typed = null;
	}

	private InvalidCutException(Field field, String format, String typed) {
		super(format.formatted(typed));
		this.field = field;
		this.format = format;
		this.typed = typed;
	}

	/**
	 * A refusal that quotes what was typed.
	 * @param format the message, with {@code %s} where the typed text goes and no other
	 * format specifier
	 */
	public static InvalidCutException quoting(Field field, String format, String typed) {
		return new InvalidCutException(field, format, typed);
	}

	public Field field() {
		return this.field;
	}

	/** The message, with the typed text it quotes passed through {@code escape}. */
	public String message(UnaryOperator<String> escape) {
		return (this.typed != null) ? this.format.formatted(escape.apply(this.typed)) : getMessage();
	}

}
