package dev.scopecut.cut;

import java.util.Objects;

/**
 * One candidate for the release. Its id is stable for the life of the cut, so votes stay
 * with their item when other items are added or removed.
 */
public record Item(int id, String text) {

	public static final int MAX_LENGTH = 150;

	public Item {
		Objects.requireNonNull(text, "text");
		if (id < 1) {
			throw new IllegalArgumentException("item ids start at 1");
		}
	}

}
