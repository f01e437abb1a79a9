package dev.scopecut.slack.blocks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Slack mrkdwn helpers: what people typed shows as typed, never as markup or mentions.
 */
public final class Mrkdwn {

	private Mrkdwn() {
	}

	/** Escapes the three characters Slack's mrkdwn reserves. */
	public static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * Escapes text to at most {@code max} characters: when it is longer, whole characters
	 * are kept (never half an entity) and "…" marks the cut.
	 */
	static String escape(String text, int max) {
		String escaped = escape(text);
		if (escaped.length() <= max) {
			return escaped;
		}
		StringBuilder shortened = new StringBuilder();
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			String next = escape(new String(Character.toChars(text.codePointAt(i))));
			if (shortened.length() + next.length() + 1 > max) {
				break;
			}
			shortened.append(next);
		}
		return shortened.append('…').toString();
	}

	public static String user(String userId) {
		return "<@" + userId + ">";
	}

	/** Mentions up to {@code max} users, then says how many more there are. */
	static String users(List<String> userIds, int max) {
		String shown = userIds.stream().limit(max).map(Mrkdwn::user).collect(Collectors.joining(" "));
		return (userIds.size() > max) ? shown + " +" + (userIds.size() - max) + " more" : shown;
	}

}
