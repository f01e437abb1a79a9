package dev.scopecut.app.port;

import java.time.Duration;

/**
 * Slack asked us to slow down, or could not be reached: do the same work after a wait.
 */
public class RetryLaterException extends RuntimeException {

	private final Duration wait;

	public RetryLaterException(String message, Duration wait) {
		super(message);
		this.wait = wait;
	}

	public Duration getWait() {
		return this.wait;
	}

}
