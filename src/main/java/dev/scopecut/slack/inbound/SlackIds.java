package dev.scopecut.slack.inbound;

import java.util.regex.Pattern;

/**
 * The shapes of Slack's ids: a letter that says what the id names, then upper-case
 * letters and digits (Slack documents no fixed length; today's are 9 to 11 characters).
 * Users are {@code U}, or {@code W} in an Enterprise Grid organisation; workspaces
 * {@code T}; channels {@code C}, private ones created before 2021 {@code G}, direct
 * messages {@code D}.
 */
final class SlackIds {

	private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}");

	private static final Pattern TEAM = Pattern.compile("T[A-Z0-9]{2,20}");

	private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,20}");

	private SlackIds() {
	}

	static boolean isUser(String id) {
		return id != null && USER.matcher(id).matches();
	}

	/**
	 * A workspace id, or none: a payload from an organisation-wide install may lack it.
	 */
	static boolean isTeamOrNone(String id) {
		return id == null || TEAM.matcher(id).matches();
	}

	/** A channel id, or none: a click in App Home comes from no channel. */
	static boolean isChannelOrNone(String id) {
		return id == null || CHANNEL.matcher(id).matches();
	}

}
