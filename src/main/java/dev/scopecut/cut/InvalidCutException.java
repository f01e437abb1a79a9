package dev.scopecut.cut;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cut as asked for breaks a rule: {@link #reason()} says which, with the values that
 * show it, and {@link #field()} which part of the request is at fault, so that a form can
 * show the refusal beside that field. The Slack side words it for a person; what was
 * typed is kept apart ({@link #typed()}), so that each surface shows it escaped as its
 * own text needs.
 */
public class InvalidCutException extends RuntimeException {

	/** The part of a cut's request a refusal is about. */
	public enum Field {

		TITLE, ITEMS, DEADLINE, REMINDERS, CAPACITY, QUORUM, VOTERS, CHECK_IN,
		/** What a check-in's answer says was learned. */
		CHECK_IN_TEXT,
		/** The request as a whole, as a quick start's text. */
		REQUEST

	}

	/** Which rule the request breaks; the values each carries are named beside it. */
	public enum Reason {

		TITLE_MISSING(Field.TITLE),
		/** Only blank or invisible characters. */
		TITLE_INVISIBLE(Field.TITLE),
		/** Its length, the most allowed. */
		TITLE_TOO_LONG(Field.TITLE), NO_ITEMS(Field.ITEMS),
		/** The most allowed, how many, how many too many. */
		TOO_MANY_ITEMS(Field.ITEMS),
		/** Typed: the item. */
		ITEM_TWICE(Field.ITEMS), ITEM_INVISIBLE(Field.ITEMS),
		/** Typed: the item's start; its length, the most allowed. */
		ITEM_TOO_LONG(Field.ITEMS),
		/** The capacity, how many items. */
		CAPACITY_ABOVE_ITEMS(Field.CAPACITY),
		/** The quorum, how many chosen voters. */
		QUORUM_ABOVE_VOTERS(Field.QUORUM),
		/** A quick start without the colon after its title. */
		NO_COLON(Field.REQUEST), DEADLINE_PASSED(Field.DEADLINE),
		/** The most days ahead allowed. */
		DEADLINE_TOO_FAR(Field.DEADLINE),
		/** The most open cuts a channel may have. */
		CHANNEL_FULL(Field.REQUEST),
		/** The most open cuts one person may run. */
		FACILITATOR_FULL(Field.REQUEST), ADD_WHICH(Field.ITEMS), ADD_ONE_AT_A_TIME(Field.ITEMS),
		REMOVE_WHICH(Field.ITEMS),
		/** Typed: the item asked for; the cut's id. */
		NO_SUCH_ITEM(Field.ITEMS),
		/** The most items a cut takes. */
		CUT_FULL(Field.ITEMS),
		/** Typed: the item. */
		ITEM_ALREADY_LISTED(Field.ITEMS), LAST_ITEM(Field.ITEMS),
		/** The capacity. */
		ITEMS_AT_CAPACITY(Field.ITEMS),
		/** Typed: the item; the capacity was raised meanwhile. */
		CAPACITY_RAISED(Field.ITEMS),
		/** Typed: the item, removed meanwhile. */
		NO_LONGER_AN_ITEM(Field.ITEMS), EXTEND_HOW_LONG(Field.DEADLINE), EXTENSION_NOT_POSITIVE(Field.DEADLINE),
		/** The most days an extension may add. */
		EXTENSION_TOO_LONG(Field.DEADLINE), EXTENDED_STILL_PAST(Field.DEADLINE),
		/** The cut changed while the form that edits it was open. */
		CHANGED_MEANWHILE(Field.REQUEST), CHECK_IN_PASSED(Field.CHECK_IN),
		/** The most days after the deadline allowed. */
		CHECK_IN_TOO_FAR(Field.CHECK_IN),
		/** Its length, the most allowed. */
		CHECK_IN_TEXT_TOO_LONG(Field.CHECK_IN_TEXT), CHECK_IN_TEXT_INVISIBLE(Field.CHECK_IN_TEXT);

		private final Field field;

		Reason(Field field) {
			this.field = field;
		}

	}

	private final Field field;

	private final Reason reason;

	private final String typed;

	private final List<Object> values;

	/** Every refusal of the request, this one first; this alone unless {@link #all}. */
	private final List<InvalidCutException> refusals;

	/**
	 * A refusal the Slack side found and worded itself (a form's own fields); the domain
	 * and the use cases give a {@link Reason}.
	 */
	public InvalidCutException(Field field, String message) {
		super(message);
		this.field = field;
		this.reason = null;
		this.typed = null;
		this.values = List.of();
		this.refusals = List.of(this);
	}

	private InvalidCutException(Reason reason, String typed, Object... values) {
		super(reason + ((typed != null) ? " “" + typed + "”" : "")
				+ (values.length > 0 ? " " + Arrays.toString(values) : ""));
		this.field = reason.field;
		this.reason = reason;
		this.typed = typed;
		this.values = List.of(values);
		this.refusals = List.of(this);
	}

	/** The first refusal, carrying all of them, so that a form can show each at once. */
	private InvalidCutException(InvalidCutException first, List<InvalidCutException> refusals) {
		super(first.getMessage());
		this.field = first.field;
		this.reason = first.reason;
		this.typed = first.typed;
		this.values = first.values;
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

	public static InvalidCutException of(Reason reason, Object... values) {
		return new InvalidCutException(reason, null, values);
	}

	/** A refusal that quotes what was typed. */
	public static InvalidCutException quoting(Reason reason, String typed, Object... values) {
		return new InvalidCutException(reason, typed, values);
	}

	public Field field() {
		return this.field;
	}

	/** Which rule was broken; null for a refusal the Slack side worded itself. */
	public Reason reason() {
		return this.reason;
	}

	/** What was typed that the refusal quotes; null when none. */
	public String typed() {
		return this.typed;
	}

	/**
	 * The values that show the rule broken, in the order its {@link Reason} names them.
	 */
	public List<Object> values() {
		return this.values;
	}

}
