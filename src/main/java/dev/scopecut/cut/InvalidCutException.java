package dev.scopecut.cut;

/**
 * A cut as asked for breaks a rule; the message says, to a person, what to change, and
 * {@link #field()} which part of the request is at fault, so that a form can show the
 * message beside that field.
 */
public class InvalidCutException extends RuntimeException {

	/** The part of a cut's request a refusal is about. */
	public enum Field {

		TITLE, ITEMS, DEADLINE, REMINDERS, CAPACITY, QUORUM, VOTERS,
		/** The request as a whole, as a quick start's text. */
		REQUEST

	}

	private final Field field;

	public InvalidCutException(String message) {
		this(Field.REQUEST, message);
	}

	public InvalidCutException(Field field, String message) {
		super(message);
		this.field = field;
	}

	public Field field() {
		return this.field;
	}

}
