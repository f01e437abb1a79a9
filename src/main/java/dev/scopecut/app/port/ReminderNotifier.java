package dev.scopecut.app.port;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;

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
	 * The time zones of those users already known without asking Slack, by id; the others
	 * absent. Fast enough to answer a command with.
	 */
	Map<String, ZoneId> knownTimeZones(String workspace, Collection<String> users);

	/**
	 * Sends the voter a direct message about the items they have not voted on yet, with
	 * Ship and Defer for each.
	 */
	void remind(VoterChoices voter, String user);

}
