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
import dev.scopecut.cut.Item;

/**
 * Renders the reminder sent by direct message, a pure function of the cut, the
 * recipient's own choices and the link to the cut's message: the title, the channel, how
 * many items are left, the deadline (Slack shows it in the reader's time zone), and the
 * cut's own Ship and Defer controls for each item left, so a vote here is the same vote
 * as in the channel. As on the cut's message, more than
 * {@link CutMessage#BUTTON_ROWS_MAX} items left get a menu each instead of a button row,
 * so 30 stay within 50 blocks.
 */
public final class ReminderMessage {

	private ReminderMessage() {
	}

	/**
	 * @param choices the recipient's choice by item id; an item they have not voted on is
	 * absent
	 * @param link the cut's message, when Slack gave its permalink
	 */
	public static SlackMessage render(Cut cut, Map<Integer, Choice> choices, Optional<String> link) {
		List<Item> left = cut.itemsLeft(choices);
		String count = left.size() + " of " + cut.items().size() + ((cut.items().size() == 1) ? " item" : " items");
		String title = Mrkdwn.escape(cut.title());
		String named = link.map((url) -> "<" + url + "|" + title + ">").orElse(title);
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s
			.text(markdownText("*Reminder:* your vote is missing on *" + count + "* of *" + named + "* in <#"
					+ cut.channel() + ">.\nVoting closes " + CutMessage.date(cut.settings().deadline()) + "."))));
		boolean compact = left.size() > CutMessage.BUTTON_ROWS_MAX;
		for (Item item : left) {
			blocks.addAll(VoteControls.row(cut, item, "*" + Mrkdwn.escape(item.text()) + "*", compact));
		}
		blocks.add(context(List.of(markdownText("Ship and Defer here count exactly as on the cut's message. ID `"
				+ cut.ref().id() + "` · started by " + Mrkdwn.user(cut.facilitator())))));
		return new SlackMessage("Reminder: your vote is missing on " + count + " of " + title, blocks);
	}

}
