package dev.scopecut.app;

/**
 * The cut a person named, or meant, cannot be found; the message tells them what to do.
 */
public class CutLookupException extends RuntimeException {

	public CutLookupException(String message) {
		super(message);
	}

}
