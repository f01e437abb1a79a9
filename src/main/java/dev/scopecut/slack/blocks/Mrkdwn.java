package dev.scopecut.slack.blocks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Slack mrkdwn helpers: the text people typed must show as typed, never as markup or
 * mentions.
 */
public final class Mrkdwn {

	private Mrkdwn() {
	}

	/** Escapes the three characters Slack's mrkdwn reserves. */
	public static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
