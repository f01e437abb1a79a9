package dev.scopecut.slack.blocks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutSettings;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Decision;
import dev.scopecut.cut.Edit;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.Outcome;

/**
 * A cut's decision record as Markdown, for release notes and wikis: what was asked, when,
 * by whom, how many voted, each item's Ship and Defer counts and the rule that decided.
 * An open cut's record is its standing when read. Voters are counted, never named, so
 * that an anonymous cut's record holds no voter's id. The facilitator, who also makes
 * every edit, is named by their Slack name when it is known, else by their user id. Times
 * are ISO-8601 in UTC, not Slack's date formatting: the record is pasted outside Slack,
 * where nothing would draw a reader's own time.
 *
 * <pre>
 * # Scope cut: Project-sharing app 0.1
 *
 * - ID: `K7M2Q`
 * - Status: closed
 * - Facilitator: Ann Lee
 * ...
 * ## Ship now
 *
 * - email signup — Ship 5, Defer 1
 * </pre>
 */
public final class DecisionRecord {

	/** Slack truncates a message's text beyond this many characters. */
	static final int MESSAGE_TEXT_MAX = 40_000;

	/** Room kept in each message for its intro line and code fences. */
	private static final int WRAPPING_MAX = 100;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * An HTML entity or character reference, which Markdown would turn into a character.
	 */
	private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

	/** What would start a heading or a list at the beginning of a line. */
	private static final Pattern LEADING_MARKER = Pattern.compile("^(?:([#+=-])|(\\d+)([.)]))");

	/** Characters Markdown reads as markup anywhere in a line. */
	private static final String MARKUP = "\\`*_[]<>|~";

	private DecisionRecord() {
	}

	/** The record as a Markdown document, ending with a new line. */
	public static String markdown(CutSnapshot snapshot, Instant readAt) {
		return markdown(snapshot, readAt, List.of());
	}

	/**
	 * The record as a Markdown document, ending with a new line; with an "Edits" section
	 * listing the facilitator's edits, oldest first, when there were any.
	 */
	public static String markdown(CutSnapshot snapshot, Instant readAt, List<Edit> edits) {
		return markdown(snapshot, readAt, edits, Map.of());
	}

	/**
	 * The record with its edits, naming people by {@code names} (user id to name); anyone
	 * absent is shown by their user id.
	 */
	public static String markdown(CutSnapshot snapshot, Instant readAt, List<Edit> edits, Map<String, String> names) {
		Cut cut = snapshot.cut();
		CutSettings settings = cut.settings();
		Decision decision = snapshot.decision();
		List<String> lines = new ArrayList<>();
		lines.add("# Scope cut: " + text(cut.title()));
		lines.add("");
		if (!settings.question().isBlank()) {
			lines.add("**What must this release teach us?** " + text(settings.question()));
			lines.add("");
		}
		lines.add("- ID: `" + cut.ref().id() + "`");
		lines.add("- Status: " + status(cut, readAt));
		lines.add("- Facilitator: " + person(cut.facilitator(), names));
		lines.add("- Started: " + date(cut.createdAt()));
		lines.add("- Deadline: " + date(settings.deadline()));
		lines.add(switch (cut.status()) {
			case OPEN -> "- Closed: not yet";
			case CLOSED -> "- Closed: " + date(cut.closedAt());
			case CANCELLED -> "- Cancelled: " + date(cut.closedAt());
		});
		lines.add("- Voters: " + voters(snapshot, settings, decision));
		lines.add("- Votes: " + (settings.anonymous() ? "anonymous" : "named"));
		int carried = cut.lineage().carried(cut.items());
		if (carried > 0) {
			lines.add("- Carries " + carried + (carried == 1 ? " item" : " items") + " deferred from "
					+ text(cut.lineage().parentTitle()) + " (`" + cut.lineage().parent() + "`)");
		}
		cut.checkInState().ifPresent((checkIn) -> lines.add("- Check-in: " + checkIn(cut, checkIn)));
		if (settings.hasCapacity()) {
			lines.add("- Capacity: at most " + settings.capacity()
					+ (settings.capacity() == 1 ? " item ships" : " items ship"));
		}
		if (cut.status() == CutStatus.CANCELLED) {
			section(lines, "Items, as they stood", decision.outcomes(), null);
		}
		else {
			section(lines, "Ship now", decision.shipped(), cut.lineage());
			section(lines, "Defer", decision.deferred(), cut.lineage());
			lines.add("");
			lines.add(text(decision.rule()));
		}
		Optional<CheckInAnswer> answer = cut.checkInState().flatMap(CheckIn::answered);
		if (answer.isPresent() && !answer.get().text().isEmpty()) {
			lines.add("");
			lines.add("## What the release taught");
			lines.add("");
			lines.add(text(answer.get().text()));
		}
		if (!edits.isEmpty()) {
			lines.add("");
			lines.add("## Edits");
			lines.add("");
			for (Edit edit : edits) {
				lines.add("- " + date(edit.at()) + " " + person(edit.by(), names) + " " + edit.kind().verb() + ": "
						+ text(edit.detail()));
			}
		}
		return String.join("\n", lines) + "\n";
	}

	/**
	 * The record as private Slack messages, each with its Markdown in a code block:
	 * usually one; more when the record is longer than one message may be.
	 */
	public static List<String> slackTexts(CutSnapshot snapshot, Instant readAt) {
		return slackTexts(snapshot, readAt, List.of(), Map.of());
	}

	/**
	 * The record with its edits, naming people by {@code names}, as private Slack
	 * messages; see {@link #slackTexts}.
	 */
	public static List<String> slackTexts(CutSnapshot snapshot, Instant readAt, List<Edit> edits,
			Map<String, String> names) {
		String id = snapshot.cut().ref().id().value();
		List<String> parts = parts(markdown(snapshot, readAt, edits, names).stripTrailing(),
				MESSAGE_TEXT_MAX - WRAPPING_MAX);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			String intro = (parts.size() == 1) ? "Decision record of `" + id + "`, as Markdown:"
					: "Decision record of `" + id + "`, as Markdown, part " + (i + 1) + " of " + parts.size() + ":";
			texts.add(intro + "\n```\n" + parts.get(i) + "\n```");
		}
		return texts;
	}

	/** What to say first when the record comes in several messages. */
	public static String followsInParts(CutSnapshot snapshot, int parts) {
		return "The decision record of `" + snapshot.cut().ref().id() + "` is long: it follows in " + parts
				+ " messages.";
	}

	/** Where the check-in stands: to be asked, pending, answered, or none. */
	private static String checkIn(Cut cut, CheckIn checkIn) {
		if (checkIn.answer() != null) {
			return CheckInMessage.label(checkIn.answer()) + " (answered " + date(checkIn.answer().at()) + ")";
		}
		String again = (checkIn.postponed() > 0) ? " (asked again after “Not yet”)" : "";
		return switch (cut.status()) {
			case OPEN -> "asks the facilitator on " + checkIn.on() + ", once the cut has closed";
			case CLOSED -> "pending; asks the facilitator on " + checkIn.on() + again;
			case CANCELLED -> "none, the cut was cancelled";
		};
	}

	private static String status(Cut cut, Instant readAt) {
		return switch (cut.status()) {
			case OPEN -> "still open; this is the standing as of " + date(readAt) + ", and votes may still change";
			case CLOSED -> "closed";
			case CANCELLED -> "cancelled; no decision was made";
		};
	}

	private static String voters(CutSnapshot snapshot, CutSettings settings, Decision decision) {
		String voted = DecisionText.voted(snapshot);
		if (!settings.hasQuorum()) {
			return voted;
		}
		return voted + (decision.quorumMet() ? " (quorum of " + settings.quorum() + " met)"
				: " — no quorum (" + settings.quorum() + " needed)");
	}

	/**
	 * @param flagged the lineage whose flags the items show, with the rule's own; null
	 * for none
	 */
	private static void section(List<String> lines, String heading, List<Outcome> outcomes, Lineage flagged) {
		lines.add("");
		lines.add("## " + heading);
		lines.add("");
		if (outcomes.isEmpty()) {
			lines.add("Nothing.");
		}
		for (Outcome outcome : outcomes) {
			String flag = outcome.verdict().flag();
			int deferredInARow = (flagged != null) ? flagged.deferredInARow(outcome) : 0;
			lines.add("- " + text(outcome.item().text()) + " — Ship " + outcome.tally().ship() + ", Defer "
					+ outcome.tally().defer() + ((flagged != null && !flag.isEmpty()) ? " (" + flag + ")" : "")
					+ ((deferredInARow >= Lineage.FLAGGED_STREAK)
							? " (deferred in " + deferredInARow + " cuts in a row)" : ""));
		}
	}

	/** A person by name, escaped as typed text; by user id when no name is known. */
	private static String person(String user, Map<String, String> names) {
		String name = names.get(user);
		return (name != null) ? text(name) : "`" + user + "`";
	}

	/** An instant in ISO-8601, UTC, to the second. */
	private static String date(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * Text people typed, on one line and escaped, so that it reads as typed wherever the
	 * Markdown is rendered: never as emphasis, a link, HTML, a heading or a list.
	 */
	static String text(String typed) {
		String line = WHITESPACE.matcher(typed.strip()).replaceAll(" ");
		StringBuilder escaped = new StringBuilder(line.length() + 16);
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (MARKUP.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		String result = ENTITY.matcher(escaped).replaceAll("\\\\&");
		Matcher leading = LEADING_MARKER.matcher(result);
		if (leading.find()) {
			result = (leading.group(1) != null) ? "\\" + result
					: leading.group(2) + "\\" + result.substring(leading.group(2).length());
		}
		return result;
	}

	/**
	 * The Markdown escaped for Slack and split at line ends into parts of at most
	 * {@code max} characters; a line longer than a part fills the rest of the current
	 * part and goes on in the next, split between characters (never inside an entity).
	 */
	static List<String> parts(String markdown, int max) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean started = false;
		for (String line : markdown.split("\n", -1)) {
			String escaped = Mrkdwn.escape(line);
			int room = max - part.length() - (started ? 1 : 0);
			if (started && escaped.length() > room && (escaped.length() <= max || room < 1)) {
				parts.add(part.toString());
				part.setLength(0);
				started = false;
			}
			if (started) {
				part.append('\n');
			}
			started = true;
			for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
				String next = Mrkdwn.escape(new String(Character.toChars(line.codePointAt(i))));
				if (part.length() + next.length() > max) {
					parts.add(part.toString());
					part.setLength(0);
				}
				part.append(next);
			}
		}
		parts.add(part.toString());
		return parts;
	}

}
