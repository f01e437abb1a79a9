package dev.scopecut.cut;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of text as people type it, for every title, question and item, from a slash
 * command or a form alike:
 * <ul>
 * <li>it is kept in Unicode normal form C, so that a word typed in two ways (a letter and
 * its accent apart or as one character) is stored the same way;</li>
 * <li>every line break ({@code \n}, {@code \r}, {@code \r\n}, VT, FF, U+0085, U+2028,
 * U+2029) is a line break: it splits items where items are one a line, is folded to a
 * space in a title or a question, and is refused in an item added on its own; so no text
 * can add a line to a decision's lines;</li>
 * <li>a tab reads as a space; every other control character (C0 and C1, NUL, ESC, BEL…)
 * and every bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) is removed,
 * so none reaches Slack or reorders what follows it;</li>
 * <li>text that shows nothing, once blanks (no-break spaces included) and invisible
 * characters (zero-width spaces and joiners, the byte-order mark, fillers) are left out,
 * is {@link #isInvisible invisible} and is refused where text is required;</li>
 * <li>two texts are the same item when their {@link #key keys} are equal: compatibility
 * forms (full-width letters), case and invisible characters do not tell items apart;</li>
 * <li>a length is counted in code points of the normal form ({@link #length}), so that an
 * emoji or an accented letter counts one, however it was typed; an excerpt
 * ({@link #excerpt}) ends between grapheme clusters, never inside an emoji or a letter
 * and its accent.</li>
 * </ul>
 */
public final class TypedText {

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	private static final Pattern BLANKS = Pattern.compile(" +");

	private static final Pattern GRAPHEME = Pattern.compile("\\X");

	private TypedText() {
	}

	/**
	 * The text in normal form C, its line breaks kept, tabs made spaces, and other
	 * control characters and bidirectional controls removed; not stripped.
	 */
	public static String clean(String typed) {
		if (typed == null) {
			return "";
		}
		StringBuilder cleaned = new StringBuilder(typed.length());
		typed.codePoints().forEach((c) -> {
			if (c == '\t') {
				cleaned.append(' ');
			}
			else if (isLineBreak(c) || !isRemoved(c)) {
				cleaned.appendCodePoint(c);
			}
		});
		return Normalizer.normalize(cleaned, Normalizer.Form.NFC);
	}

	/**
	 * The text {@link #clean cleaned} and split at every line break, each line stripped.
	 */
	public static List<String> lines(String typed) {
		return Arrays.stream(LINE_BREAK.split(clean(typed), -1)).map(TypedText::strip).toList();
	}

	/**
	 * The text {@link #clean cleaned} on one line, each line break folded to a space,
	 * stripped: the form of a title or a question.
	 */
	public static String oneLine(String typed) {
		return strip(LINE_BREAK.matcher(clean(typed)).replaceAll(" "));
	}

	/** Whether the text holds a line break of any kind. */
	public static boolean hasLineBreak(String text) {
		return LINE_BREAK.matcher(text).find();
	}

	/**
	 * The text without the blanks at either end, counting no-break spaces and every other
	 * Unicode space as blanks.
	 */
	public static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isBlank(text.codePointAt(start))) {
			start += Character.charCount(text.codePointAt(start));
		}
		while (end > start && isBlank(text.codePointBefore(end))) {
			end -= Character.charCount(text.codePointBefore(end));
		}
		return text.substring(start, end);
	}

	/**
	 * Whether the text would show nothing: it holds only blanks and invisible characters
	 * (or nothing at all).
	 */
	public static boolean isInvisible(String text) {
		return text.codePoints().allMatch((c) -> isBlank(c) || isInvisible(c));
	}

	/**
	 * What two texts share when they name the same item: compatibility forms folded
	 * (NFKC), case folded, invisible characters left out and blanks made single spaces.
	 */
	public static String key(String text) {
		StringBuilder visible = new StringBuilder(text.length());
		Normalizer.normalize(clean(text), Normalizer.Form.NFKC).codePoints().forEach((c) -> {
			if (isLineBreak(c) || isBlank(c)) {
				visible.append(' ');
			}
			else if (!isInvisible(c)) {
				visible.appendCodePoint(c);
			}
		});
		String blanksFolded = BLANKS.matcher(visible).replaceAll(" ").strip();
		// Upper then lower case folds what lower alone keeps apart (ß and SS, ς and σ).
		String caseFolded = blanksFolded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
		return Normalizer.normalize(caseFolded, Normalizer.Form.NFKC);
	}

	/**
	 * The length of {@link #clean cleaned} text as a person counts it: in code points.
	 */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * The first {@code max} grapheme clusters of the text, then "…" when there were more:
	 * never half an emoji, nor a letter without its accent.
	 */
	public static String excerpt(String text, int max) {
		Matcher grapheme = GRAPHEME.matcher(text);
		int end = 0;
		for (int count = 0; count < max && grapheme.find(); count++) {
			end = grapheme.end();
		}
		return (end < text.length()) ? text.substring(0, end) + "…" : text;
	}

	private static boolean isLineBreak(int c) {
		return c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
	}

	/** Control characters, bidirectional overrides and isolates, lone surrogates. */
	private static boolean isRemoved(int c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.SURROGATE || (c >= 0x202A && c <= 0x202E)
				|| (c >= 0x2066 && c <= 0x2069);
	}

	private static boolean isBlank(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	/**
	 * Characters that show nothing by themselves: formatting characters (zero-width space
	 * and joiners, the byte-order mark, soft hyphen, tags…), variation selectors, the
	 * combining grapheme joiner and the Hangul, Khmer and braille fillers.
	 */
	private static boolean isInvisible(int c) {
		return Character.getType(c) == Character.FORMAT || isRemoved(c) || (c >= 0xFE00 && c <= 0xFE0F)
				|| (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4
				|| c == 0x17B5 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
	}

}
