package dev.scopecut.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.scopecut.cut.InvalidCutException;

/**
 * What a person reads when a cut as asked for breaks a rule: what to change, in one
 * sentence. What was typed is quoted escaped as the surface needs (mrkdwn for a command's
 * answer, as typed for a form's plain-text error).
 */
public final class Refusals {

	private Refusals() {
	}

	public static String text(InvalidCutException refusal, UnaryOperator<String> escape) {
		if (refusal.reason() == null) {
			return refusal.getMessage();
		}
		List<Object> values = new ArrayList<>();
		if (refusal.typed() != null) {
			values.add(escape.apply(refusal.typed()));
		}
		values.addAll(refusal.values());
		return format(refusal.reason()).formatted(values.toArray());
	}

	/** The sentence, with the typed text first among its values when it quotes one. */
	private static String format(InvalidCutException.Reason reason) {
		return switch (reason) {
			case TITLE_MISSING -> "Give the cut a title, e.g. `/scopecut Sharing app 0.1: signup; share link`.";
			case TITLE_INVISIBLE ->
				"The title shows nothing (only blank or invisible characters); give the cut a title people can read.";
			case TITLE_TOO_LONG -> "The title is %d characters; shorten it to %d or fewer.";
			case NO_ITEMS -> "List at least one item after the title, separated by `;` or new lines.";
			case TOO_MANY_ITEMS -> "A cut takes at most %d items and this one has %d: remove %d and try again.";
			case ITEM_TWICE -> "“%s” is listed twice; list each item once.";
			case ITEM_INVISIBLE ->
				"An item shows nothing (only blank or invisible characters, such as zero-width spaces); type its text or leave it out.";
			case ITEM_TOO_LONG -> "Item “%s” is %d characters; shorten it to %d or fewer.";
			case CAPACITY_ABOVE_ITEMS ->
				"The capacity (%d) is more than the %d items listed; lower it or leave it empty.";
			case QUORUM_ABOVE_VOTERS ->
				"The quorum (%d) is more than the %d chosen voters could ever reach; lower it or leave it empty.";
			case NO_COLON ->
				"Put a colon after the title, then the items: `/scopecut Sharing app 0.1: signup; share link`.";
			case DEADLINE_PASSED -> "The deadline has already passed; pick a time in the future.";
			case DEADLINE_TOO_FAR -> "The deadline is more than %d days away; pick one sooner.";
			case CHANNEL_FULL ->
				"This channel already has %d open cuts, the most it may have at once: close or cancel one"
						+ " (`/scopecut list` shows them) before starting another.";
			case FACILITATOR_FULL ->
				"You already have %d open cuts in this workspace, the most one person may run at once:"
						+ " close or cancel one before starting another.";
			case ADD_WHICH -> "Say which item to add, e.g. `/scopecut add dark mode`.";
			case ADD_ONE_AT_A_TIME -> "Add one item at a time, without `;` or line breaks.";
			case REMOVE_WHICH -> "Say which item to remove by its text, e.g. `/scopecut remove dark mode`.";
			case NO_SUCH_ITEM -> "No item of `%2$s` reads “%1$s”; type the item's text as the cut shows it.";
			case CUT_FULL -> "A cut takes at most %d items and this one is full; remove one first.";
			case ITEM_ALREADY_LISTED -> "“%s” is already listed; list each item once.";
			case LAST_ITEM ->
				"A cut keeps at least one item; this is its last. Cancel the cut instead with `/scopecut cancel`.";
			case ITEMS_AT_CAPACITY ->
				"This cut ships at most %1$d items, so it keeps at least %1$d; add an item before removing this one.";
			case CAPACITY_RAISED ->
				"The cut's capacity was just raised, so it keeps its items; lower the capacity with *Edit*, then remove “%s”.";
			case NO_LONGER_AN_ITEM -> "“%s” is no longer an item of this cut.";
			case EXTEND_HOW_LONG ->
				"Say how long to extend by, in minutes, hours or days: e.g. `/scopecut extend 2h` (or `30m`, `1d`).";
			case EXTENSION_NOT_POSITIVE -> "An extension must be longer than zero, e.g. `2h`.";
			case EXTENSION_TOO_LONG -> "An extension can be at most %d days; extend by less.";
			case EXTENDED_STILL_PAST -> "The deadline would still be in the past; extend by more.";
			// Plain text: it is shown in the Edit scope cut form.
			case CHANGED_MEANWHILE ->
				"The cut changed while this form was open, so nothing was changed. Close the form and click Edit again to see it as it is now.";
			case CHECK_IN_PASSED ->
				"That day has passed; pick today or a later day, or leave it empty for no check-in.";
			case CHECK_IN_TOO_FAR -> "The check-in is more than %d days after voting closes; pick a sooner day.";
			// Plain text too: shown in the check-in form.
			case CHECK_IN_TEXT_TOO_LONG -> "This is %d characters; shorten it to %d or fewer.";
			case CHECK_IN_TEXT_INVISIBLE ->
				"This shows nothing (only blank or invisible characters); type what was learned or leave it empty.";
		};
	}

}
