package dev.scopecut.app.port;

import java.time.ZoneId;

/**
 * Reaches one person directly. Methods throw {@link RetryLaterException} when the same
 * call should be made again later, and {@link NotifyFailedException} when it never will
 * succeed (the workspace uninstalled Scopecut, the user is gone).
 */
public interface ReminderNotifier {

	/**
	 * Returns when Scopecut can still write to the workspace.
	 * @throws NotifyFailedException when it never will (uninstalled, tokens revoked)
	 */
	void requireReachable(String workspace);

	/** The user's own time zone as Slack knows it; UTC when Slack gives none. */
	ZoneId timeZone(String workspace, String user);

	/**
	 * Sends the voter a direct message about the items they have not voted on yet, with
	 * Ship and Defer for each.
	 */
	void remind(VoterChoices voter, String user);

}
