package dev.scopecut.cut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	/** Every refusal of the request, this one first; this alone unless {@link #all}. */
	private final List<InvalidCutException> refusals;

	public InvalidCutException(String message) {
		this(Field.REQUEST, message);
	}

	public InvalidCutException(Field field, String message) {
		super(message);
		this.field = field;
		this.format = null;
		this.typed = null;
		this.refusals = List.of(this);
	}

	private InvalidCutException(Field field, String format, String typed) {
		super(format.formatted(typed));
		this.field = field;
		this.format = format;
		this.typed = typed;
		this.refusals = List.of(this);
	}

	/** The first refusal, carrying all of them, so that a form can show each at once. */
	private InvalidCutException(InvalidCutException first, List<InvalidCutException> refusals) {
		super(first.getMessage());
		this.field = first.field;
		this.format = first.format;
		this.typed = first.typed;
		this.refusals = List.copyOf(refusals);
	}

	/**
	 * Every refusal of one request in one exception, which reads as the first; at most
	 * one a field, the first given for it.
	 * @param refusals at least one
	 */
	public static InvalidCutException all(List<InvalidCutException> refusals) {
		Map<Field, InvalidCutException> byField = new LinkedHashMap<>();
		refusals.stream()
			.flatMap((refusal) -> refusal.refusals().stream())
			.forEach((refusal) -> byField.putIfAbsent(refusal.field(), refusal));
		List<InvalidCutException> each = List.copyOf(byField.values());
		return (each.size() == 1) ? each.get(0) : new InvalidCutException(each.get(0), each);
	}

	/** Every refusal of the request, at most one a field, this one first. */
	public List<InvalidCutException> refusals() {
		return this.refusals;
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
