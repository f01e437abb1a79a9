package dev.scopecut.cut;

/** A cut as asked for breaks a rule; the message says, to a person, what to change. */
public class InvalidCutException extends RuntimeException {

	public InvalidCutException(String message) {
		super(message);
	}

}
