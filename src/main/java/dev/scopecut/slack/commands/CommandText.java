package dev.scopecut.slack.commands;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scopecut.cut.CutId;

/**
 * What follows {@code /scopecut}: a subcommand with an optional cut ID, or a quick start.
 * A subcommand is one word and an ID, so "list view: a; b" starts a cut titled "list
 * view" rather than listing; except the edits, which take an argument: {@code add} and
 * {@code remove} an item's text (an ID, when given, comes first and ends with a colon),
 * {@code extend} a duration. Text starting with one of those three words is always an
 * edit, never a quick start. The text is read as the person typed it: Slack's escaping is
 * undone first ({@link SlackEscaping}).
 */
record CommandText(Verb verb, Optional<CutId> cutId, String text, String argument) {

	enum Verb {

		NONE, HELP, LIST, CLOSE, CANCEL, REMIND, EXPORT, EDIT, NEXT, ADD, REMOVE, EXTEND, START, UNKNOWN

	}

	/**
	 * {@code add} or {@code remove}, an optional cut ID followed by a colon, then the
	 * item's text: "add dark mode", "add K7M2Q: dark mode".
	 */
	private static final Pattern ITEM_EDIT = Pattern
		.compile("(?is)^(add|remove)(?:\\s+([0-9A-Za-z]{5})\\s*:\\s*(.*)|\\s+(.*)|)$");

	/**
	 * {@code extend}, an optional cut ID and a duration: "extend 2h", "extend K7M2Q 1d".
	 */
	private static final Pattern EXTEND = Pattern.compile("(?i)^extend(?:\\s+(\\S+))?(?:\\s+(\\S+))?$");

	/**
	 * {@code close}, an optional cut ID, then {@code force} to close it whatever the
	 * votes: "close force", "close K7M2Q force".
	 */
	private static final Pattern CLOSE_FORCE = Pattern.compile("(?i)^close(?:\\s+(\\S+))?\\s+force$");

	/** What follows a cut's ID when {@code close} is to close it whatever the votes. */
	static final String FORCE = "force";

	private static final Pattern SUBCOMMAND = Pattern
		.compile("(?i)^(help|list|close|cancel|remind|export|edit|next)(?:\\s+(\\S+))?$");

	CommandText(Verb verb, Optional<CutId> cutId, String text) {
		this(verb, cutId, text, "");
	}

	/** Reads the text as Slack sends it, escaped. */
	static CommandText parse(String sent) {
		String text = SlackEscaping.decode(sent).strip();
		if (text.isEmpty()) {
			return new CommandText(Verb.NONE, Optional.empty(), text);
		}
		Matcher edit = ITEM_EDIT.matcher(text);
		if (edit.matches()) {
			return itemEdit(edit, text);
		}
		Matcher extend = EXTEND.matcher(text);
		if (extend.matches()) {
			return extend(extend, text);
		}
		Matcher force = CLOSE_FORCE.matcher(text);
		if (force.matches()) {
			Optional<CutId> cutId = Optional.ofNullable(force.group(1)).flatMap(CutId::parse);
			return (force.group(1) == null || cutId.isPresent()) ? new CommandText(Verb.CLOSE, cutId, text, FORCE)
					: new CommandText(Verb.UNKNOWN, Optional.empty(), text);
		}
		Matcher matcher = SUBCOMMAND.matcher(text);
		if (matcher.matches()) {
			Verb verb = Verb.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
			String id = matcher.group(2);
			if (id == null) {
				return new CommandText(verb, Optional.empty(), text);
			}
			Optional<CutId> cutId = CutId.parse(id);
			boolean takesId = verb == Verb.CLOSE || verb == Verb.CANCEL || verb == Verb.REMIND || verb == Verb.EXPORT
					|| verb == Verb.EDIT || verb == Verb.NEXT;
			return (takesId && cutId.isPresent()) ? new CommandText(verb, cutId, text)
					: new CommandText(Verb.UNKNOWN, Optional.empty(), text);
		}
		return new CommandText(text.contains(":") ? Verb.START : Verb.UNKNOWN, Optional.empty(), text);
	}

	private static CommandText itemEdit(Matcher matcher, String text) {
		Verb verb = Verb.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
		if (matcher.group(2) == null) {
			String item = (matcher.group(4) != null) ? matcher.group(4).strip() : "";
			return new CommandText(verb, Optional.empty(), text, item);
		}
		String item = matcher.group(3).strip();
		Optional<CutId> cutId = CutId.parse(matcher.group(2));
		// Not an ID after all: the colon belongs to the item's text.
		return cutId.map((id) -> new CommandText(verb, Optional.of(id), text, item))
			.orElseGet(() -> new CommandText(verb, Optional.empty(), text,
					text.substring(matcher.group(1).length()).strip()));
	}

	private static CommandText extend(Matcher matcher, String text) {
		if (matcher.group(2) == null) {
			String duration = (matcher.group(1) != null) ? matcher.group(1) : "";
			return new CommandText(Verb.EXTEND, Optional.empty(), text, duration);
		}
		Optional<CutId> cutId = CutId.parse(matcher.group(1));
		return cutId.map((id) -> new CommandText(Verb.EXTEND, Optional.of(id), text, matcher.group(2)))
			.orElseGet(() -> new CommandText(Verb.UNKNOWN, Optional.empty(), text));
	}

}
