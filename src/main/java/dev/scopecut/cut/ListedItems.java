package dev.scopecut.cut;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items of a list someone wrote down, such as a backlog pasted into a thread, for a
 * new cut's form. A line marked as a list's (a bullet {@code - * • ◦ ‣ –}, or a number
 * {@code 1.} {@code 2)}) is an item, its mark left out; when no line is marked, every
 * line is one. A first line that ends with a colon ("Backlog for 0.3:") is the title, not
 * an item, and when lines are marked so is an unmarked first line. Blank and invisible
 * lines are dropped, and an item listed twice ({@link TypedText#key}) is kept once; items
 * over {@link Item#MAX_LENGTH} are kept for the person to shorten (the form says which).
 *
 * @param title the list's own title, or empty
 */
public record ListedItems(String title, List<String> items) {

	private static final Pattern MARK = Pattern.compile("^(?:[-*•◦‣–]|\\d{1,3}[.)])\\s+(.*)$");

	public ListedItems {
		items = List.copyOf(items);
	}

	public static ListedItems parse(String text) {
		List<String> lines = TypedText.lines(text).stream().filter((line) -> !TypedText.isInvisible(line)).toList();
		if (lines.isEmpty()) {
			return new ListedItems("", List.of());
		}
		boolean marked = lines.stream().anyMatch((line) -> MARK.matcher(line).matches());
		String first = lines.get(0);
		boolean titled = first.endsWith(":") || (marked && !MARK.matcher(first).matches());
		String title = titled ? TypedText.strip(first.substring(0, first.length() - (first.endsWith(":") ? 1 : 0)))
				: "";
		if (TypedText.length(title) > CutDraft.MAX_TITLE_LENGTH) {
			title = "";
		}
		List<String> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String line : lines.subList(titled ? 1 : 0, lines.size())) {
			Matcher mark = MARK.matcher(line);
			String item = mark.matches() ? TypedText.strip(mark.group(1)) : (marked ? "" : line);
			if (!item.isEmpty() && !TypedText.isInvisible(item) && seen.add(TypedText.key(item))) {
				items.add(item);
			}
		}
		return new ListedItems(title, items);
	}

	/** The items longer than an item may be. */
	public List<String> tooLong() {
		return this.items.stream().filter((item) -> TypedText.length(item) > Item.MAX_LENGTH).toList();
	}

}
