package dev.scopecut.slack.blocks;

import java.util.regex.Pattern;

/** The action ids the rendered messages carry, and that the listeners answer to. */
public final class ActionIds {

	public static final String VOTE_SHIP = "vote-ship";

	public static final String VOTE_DEFER = "vote-defer";

	/** The overflow menu that replaces the two buttons on a large cut. */
	public static final String VOTE_MENU = "vote-menu";

	public static final Pattern VOTE = Pattern.compile("^vote-(ship|defer|menu)$");

	public static final String CLOSE = "close";

	/** Shows the clicker their own choices, privately. */
	public static final String MY_VOTES = "my-votes";

	private ActionIds() {
	}

}
