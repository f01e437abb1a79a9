package dev.scopecut.slack.commands;

import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes Slack's escaping of a slash command's text, once, so that what follows reads as
 * the person typed it. Slack sends a typed {@code &}, {@code <} and {@code >} as
 * {@code &amp;}, {@code &lt;} and {@code &gt;}, and a mention or a link as a sequence in
 * angle brackets: {@code <@U123|ann>}, {@code <#C123|general>}, {@code <!here>},
 * {@code <!subteam^S123|@team>}, {@code <https://example.com|example.com>}. Each of those
 * reads as it showed to the typist: {@code @ann}, {@code #general}, {@code @here},
 * {@code @team}, {@code example.com}. Every message that shows the text escapes it again.
 */
final class SlackEscaping {

	private static final Pattern ESCAPED = Pattern.compile("<([^<>]*)>|&(amp|lt|gt);");

	private static final Set<String> SPECIAL_MENTIONS = Set.of("here", "channel", "everyone");

	private SlackEscaping() {
	}

	static String decode(String sent) {
		if (sent == null) {
			return "";
		}
		return ESCAPED.matcher(sent).replaceAll((match) -> Matcher.quoteReplacement(decoded(match)));
	}

	private static String decoded(MatchResult match) {
		if (match.group(2) != null) {
			return switch (match.group(2)) {
				case "amp" -> "&";
				case "lt" -> "<";
				default -> ">";
			};
		}
		String sequence = match.group(1);
		int bar = sequence.indexOf('|');
		String target = (bar >= 0) ? sequence.substring(0, bar) : sequence;
		String label = (bar >= 0) ? decode(sequence.substring(bar + 1)) : null;
		if (target.startsWith("@") || target.startsWith("#")) {
			return (label != null) ? target.charAt(0) + label : target;
		}
		if (target.startsWith("!")) {
			String name = target.substring(1).split("\\^", 2)[0];
			if (SPECIAL_MENTIONS.contains(name)) {
				return "@" + name;
			}
			return (label != null) ? label : name;
		}
		return (label != null) ? label : decode(target.startsWith("mailto:") ? target.substring(7) : target);
	}

}
