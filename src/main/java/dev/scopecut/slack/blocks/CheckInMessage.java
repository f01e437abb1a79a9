package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;

import dev.scopecut.cut.CheckIn;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Cut;

/**
 * Renders a cut's check-in, a pure function of the cut: the direct message that asks its
 * facilitator whether the release taught what the cut asked, with <em>We learned it</em>,
 * <em>No</em> and <em>Not yet: ask again in a week</em>; that message redrawn once
 * answered or moved a week on; and the answer as a reply under the decision. The release
 * question and what was learned are each a section of their own, bounded, so every
 * message stays within Slack's 3,000 characters a text.
 */
public final class CheckInMessage {

	/** The actions block of the asking message. */
	static final String ANSWERS_BLOCK = "check-in-answers";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	private CheckInMessage() {
	}

	/**
	 * The direct message that asks.
	 * @param link the cut's message, when Slack gave its permalink
	 */
	public static SlackMessage ask(Cut cut, Optional<String> link) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(text("*Check-in:* did the release of " + named(cut, link) + " in <#" + cut.channel()
				+ "> teach what it set out to?"));
		blocks.add(question(cut));
		blocks.add(actions((a) -> a.blockId(ANSWERS_BLOCK)
			.elements(List.of(
					button((b) -> b.actionId(ActionIds.CHECK_IN_LEARNED)
						.text(plainText("We learned it"))
						.value(cut.ref().id().value())),
					button((b) -> b.actionId(ActionIds.CHECK_IN_NOT_LEARNED)
						.text(plainText("No"))
						.value(cut.ref().id().value())),
					button((b) -> b.actionId(ActionIds.CHECK_IN_NOT_YET)
						.text(plainText("Not yet: ask again in a week"))
						.value(cut.ref().id().value()))))));
		blocks.add(note("Your answer, and what you write of it, goes in the thread of the decision in <#"
				+ cut.channel() + ">, in the cut's export and on Home tabs. ID `" + cut.ref().id() + "`"));
		return new SlackMessage("Check-in: did " + Mrkdwn.escape(cut.title()) + " teach what it set out to?", blocks);
	}

	/**
	 * The asking message once answered, or after a "Not yet": no answers left to click.
	 */
	public static SlackMessage redrawn(Cut cut) {
		CheckIn checkIn = cut.checkIn();
		Optional<CheckInAnswer> answer = checkIn.answered();
		List<LayoutBlock> blocks = new ArrayList<>();
		String title = Mrkdwn.escape(cut.title());
		if (answer.isEmpty()) {
			blocks.add(text("*Check-in of " + title + ":* not yet. Scopecut asks again on " + day(checkIn.on()) + "."));
			blocks.add(question(cut));
			return new SlackMessage(
					"Check-in of " + Mrkdwn.escape(cut.title()) + ": asked again on " + day(checkIn.on()), blocks);
		}
		blocks.add(text("*Check-in of " + title + ":* " + verdict(answer.get()) + " Thank you; it is posted under the "
				+ "decision in <#" + cut.channel() + ">."));
		blocks.add(question(cut));
		learned(answer.get()).ifPresent(blocks::add);
		return new SlackMessage("Check-in of " + Mrkdwn.escape(cut.title()) + ": " + label(answer.get()), blocks);
	}

	/** The answer, as a reply in the thread of the decision. */
	public static SlackMessage reply(Cut cut) {
		CheckInAnswer answer = cut.checkIn().answer();
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(text("*What the release taught:* " + Mrkdwn.user(cut.facilitator()) + " checked in on "
				+ SlackDates.at(answer.at()) + ". " + verdict(answer)));
		blocks.add(question(cut));
		learned(answer).ifPresent(blocks::add);
		blocks.add(note("ID `" + cut.ref().id() + "` · `/scopecut next` starts the next cut from this one"));
		return new SlackMessage("What the release taught: " + label(answer) + " — " + Mrkdwn.escape(cut.title()),
				blocks);
	}

	/** "We learned it" or "Not learned", as the Home tab and the replies say it. */
	public static String label(CheckInAnswer answer) {
		return answer.learned() ? "we learned it" : "not learned";
	}

	/** A day as people read it: "Wednesday 12 March 2025". */
	public static String day(LocalDate day) {
		return DAY.format(day);
	}

	private static String verdict(CheckInAnswer answer) {
		return answer.learned() ? "*We learned it:* the release answered its question."
				: "*No:* the release did not answer its question.";
	}

	/** The release question, or that the cut asked none. */
	static LayoutBlock question(Cut cut) {
		String heading = "*What must this release teach us?*\n";
		if (cut.settings().question().isBlank()) {
			return text(heading + "_The cut asked no question._");
		}
		return text(heading + "> "
				+ Mrkdwn.escape(cut.settings().question(), CutMessage.SECTION_TEXT_MAX - heading.length() - 2));
	}

	/** What was learned, as written; empty when nothing was. */
	static Optional<LayoutBlock> learned(CheckInAnswer answer) {
		if (answer.text().isEmpty()) {
			return Optional.empty();
		}
		String heading = "*What we learned:*\n";
		return Optional
			.of(text(heading + Mrkdwn.escape(answer.text(), CutMessage.SECTION_TEXT_MAX - heading.length())));
	}

	private static String named(Cut cut, Optional<String> link) {
		String title = Mrkdwn.escape(cut.title());
		return "*" + link.map((url) -> "<" + url + "|" + title + ">").orElse(title) + "*";
	}

	private static LayoutBlock text(String mrkdwn) {
		return section((s) -> s.text(markdownText(mrkdwn)));
	}

	private static LayoutBlock note(String mrkdwn) {
		return context(List.of(markdownText(mrkdwn)));
	}

}
