package dev.scopecut.app.port;

/** What became of a new cut handed to {@link CutStore#insert}. */
public enum InsertOutcome {

	/** Saved and indexed as open. */
	INSERTED,
	/** Another cut of the workspace has the id: nothing saved; try another. */
	ID_TAKEN,
	/** The channel has {@link CutStore#MAX_OPEN_IN_CHANNEL} open cuts: nothing saved. */
	CHANNEL_FULL,
	/**
	 * The facilitator has {@link CutStore#MAX_OPEN_BY_FACILITATOR} open cuts in the
	 * workspace: nothing saved.
	 */
	FACILITATOR_FULL

}
