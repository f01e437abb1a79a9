package dev.scopecut.cut;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scopecut.cut.InvalidCutException.Reason;

/**
 * The rules of editing an open cut, checked before anything is stored: an added item
 * keeps the limits of a new cut ({@link CutDraft}), a removal leaves at least one item
 * (and no fewer than the capacity), an extension is positive and at most
 * {@link #MAX_EXTENSION}, and changed details keep the rules of a new cut with the same
 * items and voters.
 */
public final class CutEdits {

	/** The longest one extension may add to a deadline. */
	public static final Duration MAX_EXTENSION = Duration.ofDays(30);

	/** How many edits a cut's history keeps, the latest ones. */
	public static final int HISTORY_MAX = 50;

	private static final Pattern EXTENSION = Pattern.compile("(?i)^(\\d{1,6})\\s*([mhd])$");

	private CutEdits() {
	}

	/**
	 * The text of an item to add, {@link TypedText#clean cleaned} and stripped.
	 * @throws InvalidCutException when it is empty, holds a line break or a {@code ;},
	 * shows nothing, is too long, is already listed ({@link TypedText#key}), or the cut
	 * is full
	 */
	public static String newItem(Cut cut, String typed) {
		String text = TypedText.strip(TypedText.clean(typed));
		if (text.isEmpty()) {
			throw InvalidCutException.of(Reason.ADD_WHICH);
		}
		if (TypedText.hasLineBreak(text) || text.contains(";")) {
			throw InvalidCutException.of(Reason.ADD_ONE_AT_A_TIME);
		}
		if (TypedText.isInvisible(text)) {
			throw CutDraft.invisibleItem();
		}
		if (TypedText.length(text) > Item.MAX_LENGTH) {
			throw CutDraft.tooLong(text);
		}
		if (cut.items().size() >= CutDraft.MAX_ITEMS) {
			throw full();
		}
		if (find(cut, text).isPresent()) {
			throw duplicate(text);
		}
		return text;
	}

	/**
	 * The item a removal means, by its text as its {@link TypedText#key key} reads (so
	 * ignoring case, compatibility forms and invisible characters).
	 * @throws InvalidCutException when no item reads so, or when removing it would leave
	 * no item or fewer items than the capacity
	 */
	public static Item itemToRemove(Cut cut, String typed) {
		String text = TypedText.oneLine(typed);
		if (text.isEmpty()) {
			throw InvalidCutException.of(Reason.REMOVE_WHICH);
		}
		Item item = find(cut, text).orElseThrow(() -> InvalidCutException.quoting(Reason.NO_SUCH_ITEM,
				TypedText.excerpt(text, Item.MAX_LENGTH), cut.ref().id()));
		if (cut.items().size() <= 1) {
			throw lastItem();
		}
		if (cut.settings().capacity() > cut.items().size() - 1) {
			throw belowCapacity(cut.settings().capacity());
		}
		return item;
	}

	/**
	 * How long an extension adds, from text such as {@code 30m}, {@code 2h} or
	 * {@code 1d}.
	 * @throws InvalidCutException when it is not such a duration, not positive, or more
	 * than {@link #MAX_EXTENSION}
	 */
	public static Duration extension(String typed) {
		Matcher matcher = EXTENSION.matcher((typed != null) ? typed.strip() : "");
		if (!matcher.matches()) {
			throw InvalidCutException.of(Reason.EXTEND_HOW_LONG);
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration extension = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
		if (extension.isZero()) {
			throw InvalidCutException.of(Reason.EXTENSION_NOT_POSITIVE);
		}
		if (extension.compareTo(MAX_EXTENSION) > 0) {
			throw InvalidCutException.of(Reason.EXTENSION_TOO_LONG, MAX_EXTENSION.toDays());
		}
		return extension;
	}

	/**
	 * The deadline after an extension.
	 * @throws InvalidCutException when it would still be in the past
	 */
	public static Instant extendedDeadline(Cut cut, Duration extension, Instant now) {
		Instant deadline = cut.settings().deadline().plus(extension);
		if (!deadline.isAfter(now)) {
			throw InvalidCutException.of(Reason.EXTENDED_STILL_PAST);
		}
		return deadline;
	}

	/** How an extension reads in a history: "2h, to 2030-01-01T11:00:00Z". */
	public static String describe(Duration extension) {
		if (extension.toMinutesPart() == 0 && extension.toHoursPart() == 0) {
			return extension.toDays() + "d";
		}
		if (extension.toMinutesPart() == 0) {
			return extension.toHours() + "h";
		}
		return extension.toMinutes() + "m";
	}

	/**
	 * The details an edit asks for, stripped and checked exactly as a new cut with this
	 * cut's items and voters would be ({@link CutDraft}): a title of 1 to
	 * {@link CutDraft#MAX_TITLE_LENGTH} characters, a capacity of at most the item count,
	 * a quorum the chosen voters can reach.
	 * @throws InvalidCutException naming the detail at fault
	 */
	public static CutDetails details(Cut cut, CutDetails wanted) {
		CutSettings settings = cut.settings();
		CutDraft checked = new CutDraft(wanted.title(), cut.items().stream().map(Item::text).toList(),
				new CutSettings(wanted.question().strip(), settings.deadline(), wanted.capacity(), wanted.quorum(),
						settings.anonymous(), settings.voters(), settings.closeWhenAllVoted(), settings.reminders()));
		return new CutDetails(checked.title(), checked.settings().question(), wanted.capacity(), wanted.quorum());
	}

	/**
	 * What an edit of the details changes, as a history reads it: {@code title “Old” →
	 * “New”; capacity 3 → 2}; empty when it changes nothing.
	 */
	public static String changes(CutDetails before, CutDetails after) {
		List<String> changes = new ArrayList<>();
		if (!before.title().equals(after.title())) {
			changes.add("title " + quoted(before.title()) + " → " + quoted(after.title()));
		}
		if (!before.question().equals(after.question())) {
			changes.add("question " + quoted(before.question()) + " → " + quoted(after.question()));
		}
		if (before.capacity() != after.capacity()) {
			changes.add("capacity " + count(before.capacity()) + " → " + count(after.capacity()));
		}
		if (before.quorum() != after.quorum()) {
			changes.add("quorum " + count(before.quorum()) + " → " + count(after.quorum()));
		}
		return String.join("; ", changes);
	}

	/** On one line, as a history entry is one line of the record. */
	private static String quoted(String text) {
		return "“" + text.replaceAll("\\s+", " ") + "”";
	}

	private static String count(int count) {
		return (count > 0) ? Integer.toString(count) : "none";
	}

	/**
	 * Refuses an edit made from a form that showed other details than the cut has now
	 * (another edit was saved while it was open).
	 */
	public static void requireStillAsRead(Cut cut, String fingerprint) {
		if (!CutDetails.of(cut).fingerprint().equals(fingerprint)) {
			throw changedMeanwhile();
		}
	}

	static InvalidCutException changedMeanwhile() {
		return InvalidCutException.of(Reason.CHANGED_MEANWHILE);
	}

	static InvalidCutException full() {
		return InvalidCutException.of(Reason.CUT_FULL, CutDraft.MAX_ITEMS);
	}

	static InvalidCutException duplicate(String text) {
		return InvalidCutException.quoting(Reason.ITEM_ALREADY_LISTED, text);
	}

	static InvalidCutException lastItem() {
		return InvalidCutException.of(Reason.LAST_ITEM);
	}

	static InvalidCutException belowCapacity(int capacity) {
		return InvalidCutException.of(Reason.ITEMS_AT_CAPACITY, capacity);
	}

	/**
	 * What a refusal from the store means, when a concurrent edit got there first.
	 */
	public static InvalidCutException refusal(String reason, String text) {
		return switch (reason) {
			case "FULL" -> full();
			case "DUPLICATE" -> duplicate(text);
			case "LAST_ITEM" -> lastItem();
			case "CHANGED_MEANWHILE" -> changedMeanwhile();
			case "BELOW_CAPACITY" -> InvalidCutException.quoting(Reason.CAPACITY_RAISED, text);
			default -> InvalidCutException.quoting(Reason.NO_LONGER_AN_ITEM, text);
		};
	}

	private static Optional<Item> find(Cut cut, String text) {
		String wanted = TypedText.key(text);
		return cut.items().stream().filter((item) -> TypedText.key(item.text()).equals(wanted)).findFirst();
	}

}
