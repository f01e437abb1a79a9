package dev.scopecut.cut;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A cut's short identifier, typed by people in {@code /scopecut close K7M2Q}, unique
 * within one workspace. Its alphabet leaves out I, L, O and U, which read like digits.
 */
public record CutId(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 5;

	public CutId {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("not a cut id: " + value);
		}
	}

	/** Reads what a person typed, in any case; empty when it cannot be an id. */
	public static Optional<CutId> parse(String text) {
		String upper = (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
		return isWellFormed(upper) ? Optional.of(new CutId(upper)) : Optional.empty();
	}

	public static CutId random(RandomGenerator random) {
		char[] chars = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new CutId(new String(chars));
	}

	private static boolean isWellFormed(String value) {
		if (value == null || value.length() != LENGTH) {
			return false;
		}
		return value.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
