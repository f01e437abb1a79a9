package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Item;

/**
 * Renders the private answer to *My votes*, a pure function of the cut and the clicker's
 * own choices: each item with their choice on it and, while the cut is open, the same
 * Ship and Defer controls as the cut's message, so a click here is the same vote. It
 * shows nothing about anyone else's votes.
 */
public final class MyVotesMessage {

	private MyVotesMessage() {
	}

	/**
	 * @param choices the clicker's choice by item id, without the items not voted on
	 */
	public static SlackMessage render(Cut cut, Map<Integer, Choice> choices) {
		int voted = (int) cut.items().stream().filter((item) -> choices.containsKey(item.id())).count();
		String progress = voted + " of " + cut.items().size() + ((cut.items().size() == 1) ? " item" : " items")
				+ " voted";
		String title = Mrkdwn.escape(cut.title());
		List<LayoutBlock> blocks = new ArrayList<>();
		boolean compact = VoteControls.votesByBallot(cut);
		String heading = "*Your votes* on *" + title + "* · " + progress + " · ID `" + cut.ref().id() + "`\n"
				+ switch (cut.status()) {
					case OPEN -> compact
							? "Only you can see this. *Vote on all " + cut.items().size()
									+ " items* opens your ballot, your choices picked; a menu changes one vote."
							: "Only you can see this. Ship and Defer here change your vote, as on the cut's message.";
					case CLOSED -> "This cut is closed: your votes can no longer change.";
					case CANCELLED -> "This cut was cancelled: no decision was made.";
				};
		blocks.add(section((s) -> s.text(markdownText(heading))));
		if (compact && cut.isOpen()) {
			blocks.add(VoteControls.ballotButton(cut));
		}
		for (Item item : cut.items()) {
			String row = "*" + Mrkdwn.escape(item.text()) + "*\nYour vote: "
					+ choice(choices.get(item.id()), cut.isOpen());
			if (!cut.isOpen()) {
				blocks.add(section((s) -> s.blockId("item-" + item.id()).text(markdownText(row))));
			}
			else {
				blocks.addAll(VoteControls.row(cut, item, row, compact));
			}
		}
		return new SlackMessage("Your votes on " + title + ": " + progress, blocks);
	}

	private static String choice(Choice choice, boolean open) {
		if (choice == null) {
			return open ? "_not voted yet_" : "_no vote_";
		}
		return "*" + choice.label() + "*";
	}

}
