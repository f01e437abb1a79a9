package dev.scopecut.app.port;

/**
 * Slack refused a call for a reason that waiting will not fix, such as a deleted channel.
 */
public class NotifyFailedException extends RuntimeException {

	private final String reason;

	public NotifyFailedException(String reason) {
		super("Slack refused the call: " + reason);
		this.reason = reason;
	}

	/** Slack's error code, such as {@code not_in_channel}. */
	public String getReason() {
		return this.reason;
	}

}
