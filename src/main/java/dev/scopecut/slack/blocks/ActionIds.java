package dev.scopecut.slack.blocks;

import java.util.regex.Pattern;

/** The action ids the rendered messages carry, and that the listeners answer to. */
public final class ActionIds {

	public static final String VOTE_SHIP = "vote-ship";

	public static final String VOTE_DEFER = "vote-defer";

	/** The overflow menu that replaces the two buttons on a large cut. */
	public static final String VOTE_MENU = "vote-menu";

	public static final Pattern VOTE = Pattern.compile("^vote-(ship|defer|menu)$");

	/**
	 * Starts the block id of every vote control in a reminder, so that a click there is
	 * known to come from a reminder (Slack sends the block id with the action; the
	 * message itself is not read on the vote path) and the reminder can be redrawn.
	 */
	public static final String REMINDER_BLOCK = "reminder-";

	/**
	 * Opens the ballot of a large cut, a modal with a Ship/Defer choice for every item.
	 */
	public static final String BALLOT = "ballot";

	public static final String CLOSE = "close";

	/** Shows the clicker their own choices, privately. */
	public static final String MY_VOTES = "my-votes";

	/** Opens the <em>Edit scope cut</em> modal, for the facilitator only. */
	public static final String EDIT = "edit";

	/**
	 * Opens the <em>New scope cut</em> form for the cut that follows a closed one, for
	 * its facilitator only.
	 */
	public static final String NEXT_CUT = "next-cut";

	/**
	 * The answers of a check-in's direct message: <em>We learned it</em> and <em>No</em>
	 * open the check-in form; <em>Not yet</em> asks again in a week. Each carries the
	 * cut's id.
	 */
	public static final String CHECK_IN_LEARNED = "check-in-learned";

	public static final String CHECK_IN_NOT_LEARNED = "check-in-not-learned";

	public static final String CHECK_IN_NOT_YET = "check-in-not-yet";

	private ActionIds() {
	}

	/** Whether a vote control with this block id is a reminder's. */
	public static boolean isReminderBlock(String blockId) {
		return blockId != null && blockId.startsWith(REMINDER_BLOCK);
	}

}
