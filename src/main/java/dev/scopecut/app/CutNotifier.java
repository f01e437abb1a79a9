package dev.scopecut.app;

/**
 * Shows cuts where the team works. Methods throw {@link RetryLaterException} when the
 * same call should be made again later, and {@link NotifyFailedException} when it never
 * will succeed.
 */
public interface CutNotifier {

	/** Posts the cut's message and returns its timestamp. */
	String post(CutSnapshot snapshot);

	/**
	 * Brings the cut's message up to date: running counts while open, the result once
	 * closed.
	 */
	void update(CutSnapshot snapshot);

	/** Posts the decision of a closed cut in its channel. */
	void announce(CutSnapshot snapshot);

}
