package dev.scopecut.cut;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.scopecut.cut.InvalidCutException.Field;

/**
 * A cut as its facilitator asked for it, checked against the limits before anything is
 * stored, so that a refused cut is never half-created. Its title, question and items
 * follow the rules of {@link TypedText}: the title and the question are folded onto one
 * line, an item left empty is dropped, invisible text is refused, and two items with the
 * same {@link TypedText#key key} are one item listed twice.
 */
public record CutDraft(String title, List<String> items, CutSettings settings) {

	public static final int MAX_ITEMS = 30;

	public static final int MAX_TITLE_LENGTH = 150;

	public CutDraft {
		Objects.requireNonNull(settings, "settings");
		title = TypedText.oneLine(title);
		items = (items != null) ? items.stream().map(TypedText::oneLine).filter((item) -> !item.isEmpty()).toList()
				: List.of();
		String question = TypedText.oneLine(settings.question());
		if (!question.equals(settings.question())) {
			settings = new CutSettings(question, settings.deadline(), settings.capacity(), settings.quorum(),
					settings.anonymous(), settings.voters(), settings.closeWhenAllVoted(), settings.reminders());
		}
		check(title, items, settings);
	}

	/** Refuses the draft with every rule it breaks, at most one a field. */
	private static void check(String title, List<String> items, CutSettings settings) {
		List<InvalidCutException> refusals = new ArrayList<>();
		titleRefusal(title).ifPresent(refusals::add);
		itemsRefusal(items).ifPresent(refusals::add);
		if (!items.isEmpty() && settings.capacity() > items.size()) {
			refusals.add(new InvalidCutException(Field.CAPACITY,
					"The capacity (%d) is more than the %d items listed; lower it or leave it empty."
						.formatted(settings.capacity(), items.size())));
		}
		if (settings.hasChosenVoters() && settings.quorum() > settings.voters().size()) {
			refusals.add(new InvalidCutException(Field.QUORUM,
					"The quorum (%d) is more than the %d chosen voters could ever reach; lower it or leave it empty."
						.formatted(settings.quorum(), settings.voters().size())));
		}
		if (!refusals.isEmpty()) {
			throw InvalidCutException.all(refusals);
		}
	}

	private static Optional<InvalidCutException> titleRefusal(String title) {
		if (title.isEmpty()) {
			return Optional.of(new InvalidCutException(Field.TITLE,
					"Give the cut a title, e.g. `/scopecut Sharing app 0.1: signup; share link`."));
		}
		if (TypedText.isInvisible(title)) {
			return Optional.of(new InvalidCutException(Field.TITLE,
					"The title shows nothing (only blank or invisible characters); give the cut a title people can read."));
		}
		if (TypedText.length(title) > MAX_TITLE_LENGTH) {
			return Optional
				.of(new InvalidCutException(Field.TITLE, "The title is %d characters; shorten it to %d or fewer."
					.formatted(TypedText.length(title), MAX_TITLE_LENGTH)));
		}
		return Optional.empty();
	}

	private static Optional<InvalidCutException> itemsRefusal(List<String> items) {
		if (items.isEmpty()) {
			return Optional.of(new InvalidCutException(Field.ITEMS,
					"List at least one item after the title, separated by `;` or new lines."));
		}
		if (items.size() > MAX_ITEMS) {
			return Optional.of(new InvalidCutException(Field.ITEMS,
					"A cut takes at most %d items and this one has %d: remove %d and try again.".formatted(MAX_ITEMS,
							items.size(), items.size() - MAX_ITEMS)));
		}
		Set<String> seen = new HashSet<>();
		for (String item : items) {
			if (TypedText.isInvisible(item)) {
				return Optional.of(invisibleItem());
			}
			if (TypedText.length(item) > Item.MAX_LENGTH) {
				return Optional.of(tooLong(item));
			}
			if (!seen.add(TypedText.key(item))) {
				return Optional
					.of(InvalidCutException.quoting(Field.ITEMS, "“%s” is listed twice; list each item once.", item));
			}
		}
		return Optional.empty();
	}

	static InvalidCutException invisibleItem() {
		return new InvalidCutException(Field.ITEMS,
				"An item shows nothing (only blank or invisible characters, such as zero-width spaces); type its text or leave it out.");
	}

	/** The refusal of an item over {@link Item#MAX_LENGTH}, quoting its beginning. */
	static InvalidCutException tooLong(String item) {
		return InvalidCutException.quoting(Field.ITEMS, "Item “%%s” is %d characters; shorten it to %d or fewer."
			.formatted(TypedText.length(item), Item.MAX_LENGTH), TypedText.excerpt(item, 40));
	}

}
