package dev.scopecut.app.port;

import java.time.Duration;

/**
 * Slack's Retry-After per workspace and Web API method, shared by every instance, so that
 * no instance calls a method again before the wait Slack asked for is over. Every method
 * throws {@link StoreUnavailableException} when the store cannot answer.
 */
public interface MethodHoldOffs {

	/** Slack asked to wait before the workspace calls this method again. */
	void holdOff(String workspace, String method, Duration wait);

	/**
	 * What is left of the wait Slack asked for before the workspace calls this method
	 * again; zero when none.
	 */
	Duration heldOff(String workspace, String method);

}
