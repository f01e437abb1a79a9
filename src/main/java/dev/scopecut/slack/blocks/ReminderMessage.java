package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.Item;

/**
 * Renders the reminder sent by direct message, a pure function of the cut, the
 * recipient's own choices and the link to the cut's message. It is drawn when the
 * reminder is sent and again after each vote cast from it, so it always shows where the
 * recipient stands:
 * <ul>
 * <li>items left: the title, the channel, how many items are left and how many they voted
 * on, the deadline (Slack shows it in the reader's time zone), and the cut's own Ship and
 * Defer controls for each item left, so a vote here is the same vote as in the channel.
 * As on the cut's message, more than {@link CutMessage#BUTTON_ROWS_MAX} items left get a
 * menu each instead of a button row, so 30 stay within 50 blocks;</li>
 * <li>every item voted on: thanks, and where to change a vote;</li>
 * <li>the cut closed or cancelled: that, with no controls.</li>
 * </ul>
 * Items already voted on are not repeated: the cut's *My votes* shows and changes them.
 * The controls' block ids start with {@link ActionIds#REMINDER_BLOCK}, which tells a
 * click here from one on the cut's message.
 */
public final class ReminderMessage {

	private ReminderMessage() {
	}

	/**
	 * @param choices the recipient's choice by item id, without the items not voted on
	 * @param link the cut's message, when Slack gave its permalink
	 */
	public static SlackMessage render(Cut cut, Map<Integer, Choice> choices, Optional<String> link) {
		String title = Mrkdwn.escape(cut.title());
		String named = "*" + link.map((url) -> "<" + url + "|" + title + ">").orElse(title) + "*";
		int total = cut.items().size();
		List<Item> left = cut.itemsLeft(choices);
		int voted = total - left.size();
		String footer = "ID `" + cut.ref().id() + "` · started by " + Mrkdwn.user(cut.facilitator());
		String where = named + " in <#" + cut.channel() + ">";
		if (!cut.isOpen()) {
			boolean cancelled = cut.status() == CutStatus.CANCELLED;
			String state = cancelled ? " was cancelled" : " is closed";
			String after = cancelled ? ": no decision was made."
					: ": voting is over and the decision is posted in the channel.";
			return new SlackMessage(title + state,
					List.of(section((s) -> s.text(markdownText(
							where + state + after + "\nYou voted on " + voted + " of " + items(total) + "."))),
							note(footer)));
		}
		String deadline = SlackDates.at(cut.settings().deadline()) + ".";
		if (left.isEmpty()) {
			return new SlackMessage("Thanks — you voted on every item of " + title,
					List.of(section((s) -> s.text(markdownText("*Thanks* — you voted on every item of " + where
							+ ".\nYou can change a vote with *My votes* on the cut's message until voting closes "
							+ deadline))), note(footer)));
		}
		String count = left.size() + " of " + items(total);
		String progress = (voted == 0) ? "Voting closes "
				: "You voted on " + voted + " of " + items(total) + " so far; voting closes ";
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.text(markdownText(
				"*Reminder:* your vote is missing on *" + count + "* of " + where + ".\n" + progress + deadline))));
		boolean compact = left.size() > CutMessage.BUTTON_ROWS_MAX;
		for (Item item : left) {
			blocks.addAll(VoteControls.row(cut, item, "*" + Mrkdwn.escape(item.text()) + "*", compact,
					ActionIds.REMINDER_BLOCK));
		}
		String changes = (voted == 0) ? "" : " *My votes* there shows and changes the votes you cast.";
		blocks.add(note("Ship and Defer here count exactly as on the cut's message." + changes + " " + footer));
		return new SlackMessage("Reminder: your vote is missing on " + count + " of " + title, blocks);
	}

	private static String items(int count) {
		return count + ((count == 1) ? " item" : " items");
	}

	private static LayoutBlock note(String mrkdwn) {
		return context(List.of(markdownText(mrkdwn)));
	}

}
