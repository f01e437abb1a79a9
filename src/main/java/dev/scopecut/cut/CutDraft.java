package dev.scopecut.cut;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
			settings = new CutSettings(question, settings.deadline(), settings.capacity(), settings.quorum(),
					settings.anonymous(), settings.voters(), settings.closeWhenAllVoted(), settings.reminders());
		}
		check(title, items, settings);
	}

	private static void check(String title, List<String> items, CutSettings settings) {
		if (title.isEmpty()) {
			throw InvalidCutException.of(Reason.TITLE_MISSING);
		}
		if (TypedText.isInvisible(title)) {
			throw InvalidCutException.of(Reason.TITLE_INVISIBLE);
		}
		if (TypedText.length(title) > MAX_TITLE_LENGTH) {
			throw InvalidCutException.of(Reason.TITLE_TOO_LONG, TypedText.length(title), MAX_TITLE_LENGTH);
		}
		if (items.isEmpty()) {
			throw InvalidCutException.of(Reason.NO_ITEMS);
		}
		if (items.size() > MAX_ITEMS) {
			throw InvalidCutException.of(Reason.TOO_MANY_ITEMS, MAX_ITEMS, items.size(), items.size() - MAX_ITEMS);
		}
		Set<String> seen = new HashSet<>();
		for (String item : items) {
			if (TypedText.isInvisible(item)) {
				throw invisibleItem();
			}
			if (TypedText.length(item) > Item.MAX_LENGTH) {
				throw tooLong(item);
			}
			if (!seen.add(TypedText.key(item))) {
				throw InvalidCutException.quoting(Reason.ITEM_TWICE, item);
			}
		}
		if (settings.capacity() > items.size()) {
			throw InvalidCutException.of(Reason.CAPACITY_ABOVE_ITEMS, settings.capacity(), items.size());
		}
		if (settings.hasChosenVoters() && settings.quorum() > settings.voters().size()) {
			throw InvalidCutException.of(Reason.QUORUM_ABOVE_VOTERS, settings.quorum(), settings.voters().size());
		}
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
