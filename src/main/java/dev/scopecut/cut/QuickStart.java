package dev.scopecut.cut;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the text of a quick start, {@code Title: item; item; item}: the title runs to the
 * first colon; items are separated by semicolons or line breaks (of any kind, see
 * {@link TypedText}), or by commas when neither is present.
 */
public final class QuickStart {

	private QuickStart() {
	}

	public static CutDraft parse(String text, CutSettings settings) {
		String source = (text != null) ? text.strip() : "";
		int colon = source.indexOf(':');
		if (colon < 0) {
			throw InvalidCutException.of(InvalidCutException.Reason.NO_COLON);
		}
		return new CutDraft(source.substring(0, colon), items(source.substring(colon + 1)), settings);
	}

	static List<String> items(String list) {
		List<String> lines = TypedText.lines(list);
		if (lines.size() > 1 || list.indexOf(';') >= 0) {
			return lines.stream().flatMap((line) -> Arrays.stream(line.split(";"))).toList();
		}
		return Arrays.asList(lines.get(0).split(","));
	}

}
