package dev.scopecut.app;

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

}
