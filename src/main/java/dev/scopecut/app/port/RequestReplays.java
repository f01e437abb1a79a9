package dev.scopecut.app.port;

/**
 * Remembers the trigger ids of the requests that act, shared by every instance: Slack
 * hands out a new one for each command and form submission, so a second request with the
 * same one is a replay of a signed request, not a person asking again.
 */
public interface RequestReplays {

	/**
	 * True for the first request carrying the trigger id in the workspace, false for any
	 * repeat of it within the signature window.
	 * @throws StoreUnavailableException when this cannot be known
	 */
	boolean isFirst(String workspace, String triggerId);

}
