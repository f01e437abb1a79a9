package dev.scopecut.cut;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.scopecut.cut.InvalidCutException.Field;

/**
 * A cut as its facilitator asked for it, checked against the limits before anything is
 * stored, so that a refused cut is never half-created.
 */
public record CutDraft(String title, List<String> items, CutSettings settings) {

	public static final int MAX_ITEMS = 30;

	public static final int MAX_TITLE_LENGTH = 150;

	public CutDraft {
		Objects.requireNonNull(settings, "settings");
		title = (title != null) ? title.strip() : "";
		items = (items != null) ? items.stream().map(String::strip).filter((item) -> !item.isEmpty()).toList()
				: List.of();
		check(title, items, settings);
	}

	private static void check(String title, List<String> items, CutSettings settings) {
		if (title.isEmpty()) {
			throw new InvalidCutException(Field.TITLE,
					"Give the cut a title, e.g. `/scopecut Sharing app 0.1: signup; share link`.");
		}
		if (title.length() > MAX_TITLE_LENGTH) {
			throw new InvalidCutException(Field.TITLE, "The title is %d characters; shorten it to %d or fewer."
				.formatted(title.length(), MAX_TITLE_LENGTH));
		}
		if (items.isEmpty()) {
			throw new InvalidCutException(Field.ITEMS,
					"List at least one item after the title, separated by `;` or new lines.");
		}
		if (items.size() > MAX_ITEMS) {
			throw new InvalidCutException(Field.ITEMS,
					"A cut takes at most %d items and this one has %d: remove %d and try again.".formatted(MAX_ITEMS,
							items.size(), items.size() - MAX_ITEMS));
		}
		Set<String> seen = new HashSet<>();
		for (String item : items) {
			if (item.length() > Item.MAX_LENGTH) {
				throw new InvalidCutException(Field.ITEMS, "Item “%s…” is %d characters; shorten it to %d or fewer."
					.formatted(item.substring(0, 40), item.length(), Item.MAX_LENGTH));
			}
			if (!seen.add(item.toLowerCase(Locale.ROOT))) {
				throw new InvalidCutException(Field.ITEMS,
						"“%s” is listed twice; list each item once.".formatted(item));
			}
		}
		if (settings.capacity() > items.size()) {
			throw new InvalidCutException(Field.CAPACITY,
					"The capacity (%d) is more than the %d items listed; lower it or leave it empty."
						.formatted(settings.capacity(), items.size()));
		}
		if (settings.hasChosenVoters() && settings.quorum() > settings.voters().size()) {
			throw new InvalidCutException(Field.QUORUM,
					"The quorum (%d) is more than the %d chosen voters could ever reach; lower it or leave it empty."
						.formatted(settings.quorum(), settings.voters().size()));
		}
	}

}
