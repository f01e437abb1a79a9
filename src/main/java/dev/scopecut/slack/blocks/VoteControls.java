package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.overflowMenu;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.OverflowMenuElement;

import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Item;

/**
 * The Ship and Defer controls of one item, the same wherever they are shown (the cut's
 * message, the private *My votes* view), so that a click anywhere is the same vote.
 */
final class VoteControls {

	private VoteControls() {
	}

	/**
	 * An item's row with its controls: its text in a section, then a row of Ship and
	 * Defer buttons; or, when {@code compact} (a large cut), one section with a
	 * Ship/Defer menu, so the row is one block instead of two.
	 */
	static List<LayoutBlock> row(Cut cut, Item item, String mrkdwn, boolean compact) {
		return row(cut, item, mrkdwn, compact, "");
	}

	/**
	 * An item's row whose block ids start with {@code blockPrefix}, which comes back with
	 * a click and tells where it was made.
	 */
	static List<LayoutBlock> row(Cut cut, Item item, String mrkdwn, boolean compact, String blockPrefix) {
		String section = blockPrefix + "item-" + item.id();
		if (compact) {
			return List.of(section((s) -> s.blockId(section).text(markdownText(mrkdwn)).accessory(menu(cut, item))));
		}
		return List.of(section((s) -> s.blockId(section).text(markdownText(mrkdwn))),
				actions(blockPrefix + "vote-" + item.id(), buttons(cut, item)));
	}

	/** The Ship and Defer buttons of an item's row. */
	static List<BlockElement> buttons(Cut cut, Item item) {
		return List.of(voteButton(cut, item, Choice.SHIP), voteButton(cut, item, Choice.DEFER));
	}

	/** The Ship/Defer menu that stands in for the buttons on a large cut. */
	static OverflowMenuElement menu(Cut cut, Item item) {
		return overflowMenu((menu) -> menu.actionId(ActionIds.VOTE_MENU)
			.options(List.of(option(plainText(Choice.SHIP.label()), value(cut, item, Choice.SHIP)),
					option(plainText(Choice.DEFER.label()), value(cut, item, Choice.DEFER)))));
	}

	/**
	 * Whether a cut votes through its ballot: above {@link CutMessage#BUTTON_ROWS_MAX}
	 * items, where each row's buttons give way to a menu.
	 */
	static boolean votesByBallot(Cut cut) {
		return cut.items().size() > CutMessage.BUTTON_ROWS_MAX;
	}

	/**
	 * The button that opens a large cut's ballot: one click, then one a choice, then one
	 * to submit (32 clicks for 30 items), where the menus take two a choice.
	 */
	static LayoutBlock ballotButton(Cut cut) {
		return actions("ballot",
				List.of(button((b) -> b.actionId(ActionIds.BALLOT)
					.text(plainText("Vote on all " + cut.items().size() + " items"))
					.value(cut.ref().id().value()))));
	}

	private static BlockElement voteButton(Cut cut, Item item, Choice choice) {
		String actionId = (choice == Choice.SHIP) ? ActionIds.VOTE_SHIP : ActionIds.VOTE_DEFER;
		return button((b) -> b.actionId(actionId)
			.text(plainText(choice.label()))
			// Neither choice styled: a green Ship would nudge voters of a tool
			// whose rule is "when in doubt, cut".
			.value(value(cut, item, choice)));
	}

	private static String value(Cut cut, Item item, Choice choice) {
		return new VoteValue(cut.ref().id(), item.id(), choice).encode();
	}

}
