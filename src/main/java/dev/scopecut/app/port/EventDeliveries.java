package dev.scopecut.app.port;

/**
 * Slack delivers an Events API event again when it thinks the first delivery failed: this
 * remembers the ids seen, shared by every instance.
 */
public interface EventDeliveries {

	/**
	 * True for the first delivery of the event, false for any repeat of it.
	 * @throws StoreUnavailableException when this cannot be known
	 */
	boolean isFirst(String workspace, String eventId);

	/**
	 * Forgets the event, so that Slack's next delivery of it counts as first: for a
	 * listener that could not do its work and asked Slack to deliver it again.
	 * @throws StoreUnavailableException when this cannot be done
	 */
	void forget(String workspace, String eventId);

}
