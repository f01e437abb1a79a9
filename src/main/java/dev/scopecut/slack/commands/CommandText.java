package dev.scopecut.slack.commands;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scopecut.cut.CutId;

/**
 * What follows {@code /scopecut}: a subcommand with an optional cut ID, or a quick start.
 * A subcommand is only ever one word and an ID, so "list view: a; b" starts a cut titled
 * "list view" rather than listing.
 */
record CommandText(Verb verb, Optional<CutId> cutId, String text) {

	enum Verb {

		NONE, HELP, LIST, CLOSE, CANCEL, EXPORT, START, UNKNOWN

	}

	private static final Pattern SUBCOMMAND = Pattern.compile("(?i)^(help|list|close|cancel|export)(?:\\s+(\\S+))?$");

	static CommandText parse(String raw) {
		String text = (raw != null) ? raw.strip() : "";
		if (text.isEmpty()) {
			return new CommandText(Verb.NONE, Optional.empty(), text);
		}
		Matcher matcher = SUBCOMMAND.matcher(text);
		if (matcher.matches()) {
			Verb verb = Verb.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
			String id = matcher.group(2);
			if (id == null) {
				return new CommandText(verb, Optional.empty(), text);
			}
			Optional<CutId> cutId = CutId.parse(id);
			boolean takesId = verb == Verb.CLOSE || verb == Verb.CANCEL || verb == Verb.EXPORT;
			return (takesId && cutId.isPresent()) ? new CommandText(verb, cutId, text)
					: new CommandText(Verb.UNKNOWN, Optional.empty(), text);
		}
		return new CommandText(text.contains(":") ? Verb.START : Verb.UNKNOWN, Optional.empty(), text);
	}

}
