package dev.scopecut.app.port;

/**
 * The store could not be reached or did not answer in time: nothing is known changed.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
