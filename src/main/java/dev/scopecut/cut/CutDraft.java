package dev.scopecut.cut;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.scopecut.cut.InvalidCutException.Reason;

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
			settings = settings.withQuestion(question);
		}
		check(title, items, settings);
	}

	/** Refuses the draft with every rule it breaks, at most one a field. */
	private static void check(String title, List<String> items, CutSettings settings) {
		List<InvalidCutException> refusals = new ArrayList<>();
		titleRefusal(title).ifPresent(refusals::add);
		itemsRefusal(items).ifPresent(refusals::add);
		if (!items.isEmpty() && settings.capacity() > items.size()) {
			refusals.add(InvalidCutException.of(Reason.CAPACITY_ABOVE_ITEMS, settings.capacity(), items.size()));
		}
		if (settings.hasChosenVoters() && settings.quorum() > settings.voters().size()) {
			refusals
				.add(InvalidCutException.of(Reason.QUORUM_ABOVE_VOTERS, settings.quorum(), settings.voters().size()));
		}
		if (!refusals.isEmpty()) {
			throw InvalidCutException.all(refusals);
		}
	}

	private static Optional<InvalidCutException> titleRefusal(String title) {
		if (title.isEmpty()) {
			return Optional.of(InvalidCutException.of(Reason.TITLE_MISSING));
		}
		if (TypedText.isInvisible(title)) {
			return Optional.of(InvalidCutException.of(Reason.TITLE_INVISIBLE));
		}
		if (TypedText.length(title) > MAX_TITLE_LENGTH) {
			return Optional
				.of(InvalidCutException.of(Reason.TITLE_TOO_LONG, TypedText.length(title), MAX_TITLE_LENGTH));
		}
		return Optional.empty();
	}

	private static Optional<InvalidCutException> itemsRefusal(List<String> items) {
		if (items.isEmpty()) {
			return Optional.of(InvalidCutException.of(Reason.NO_ITEMS));
		}
		if (items.size() > MAX_ITEMS) {
			return Optional
				.of(InvalidCutException.of(Reason.TOO_MANY_ITEMS, MAX_ITEMS, items.size(), items.size() - MAX_ITEMS));
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
				return Optional.of(InvalidCutException.quoting(Reason.ITEM_TWICE, item));
			}
		}
		return Optional.empty();
	}

	static InvalidCutException invisibleItem() {
		return InvalidCutException.of(Reason.ITEM_INVISIBLE);
	}

	/** The refusal of an item over {@link Item#MAX_LENGTH}, quoting its beginning. */
	static InvalidCutException tooLong(String item) {
		return InvalidCutException.quoting(Reason.ITEM_TOO_LONG, TypedText.excerpt(item, 40), TypedText.length(item),
				Item.MAX_LENGTH);
	}

}
