package dev.scopecut.slack.blocks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import dev.scopecut.cut.Edit;

/**
 * Instants as Slack draws them for each reader, in their own time zone and locale
 * ({@code <!date^…>}, Slack's date formatting), the one format of every message, view and
 * reply. The exported record keeps ISO-8601 in UTC instead: it is read outside Slack.
 */
final class SlackDates {

	/**
	 * How an extension's detail names the new deadline: "by 1d, to 2025-03-05T17:00:00Z".
	 */
	private static final String EXTENDED_TO = ", to ";

	private SlackDates() {
	}

	/** "Today at 3:00 PM" to the reader, with the UTC instant as the fallback text. */
	static String at(Instant instant) {
		return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} at {time}|"
				+ instant.truncatedTo(ChronoUnit.SECONDS) + ">";
	}

	/**
	 * An edit's detail as mrkdwn, escaped: an extension's new deadline, kept in the
	 * history in ISO-8601 for the record, drawn in the reader's own time; any other
	 * detail as typed, at most {@code max} characters.
	 */
	static String detail(Edit edit, int max) {
		String detail = edit.detail();
		int to = detail.lastIndexOf(EXTENDED_TO);
		if (edit.kind() == Edit.Kind.EXTEND && to >= 0) {
			try {
				Instant deadline = Instant.parse(detail.substring(to + EXTENDED_TO.length()));
				return Mrkdwn.escape(detail.substring(0, to), max) + EXTENDED_TO + at(deadline);
			}
			catch (DateTimeParseException ex) {
				// Not an instant after all: shown as kept.
			}
		}
		return Mrkdwn.escape(detail, max);
	}

}
