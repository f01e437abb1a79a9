package dev.scopecut.cut;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The parts of an open cut its facilitator may change after it started: title, release
 * question, capacity and quorum. The items have their own edits; the voters and anonymity
 * stay as the voters were told.
 *
 * @param question may be empty
 * @param capacity 0 for no limit
 * @param quorum 0 for none
 */
public record CutDetails(String title, String question, int capacity, int quorum) {

	public CutDetails {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(question, "question");
		if (capacity < 0 || quorum < 0) {
			throw new IllegalArgumentException("capacity and quorum are 0 (none) or positive");
		}
	}

	/** The details the cut has now. */
	public static CutDetails of(Cut cut) {
		return new CutDetails(cut.title(), cut.settings().question(), cut.settings().capacity(),
				cut.settings().quorum());
	}

	/**
	 * A short digest of these details, small enough to travel with a form that shows them
	 * (a question alone may fill a modal's metadata), so that its submission can tell
	 * whether they are still as the form read them.
	 */
	public String fingerprint() {
		String all = this.title + '\u0000' + this.question + '\u0000' + this.capacity + '\u0000' + this.quorum;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
