package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;

import dev.scopecut.app.port.BallotResult;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.Item;

/**
 * The ballot of a large cut, which its *Vote* button opens: a pure function of the cut
 * and the voter's own choices. Every item is an input with a Ship/Defer radio choice,
 * prefilled with the voter's choice, so a whole cut is voted on with one click an item
 * and one submission, instead of a menu an item; an item left blank is left as it was.
 * One header and one input an item: 31 blocks at the 30 items a cut may have, within a
 * modal's 100. The cut's id travels in {@code private_metadata}; its workspace is always
 * the submitting request's own.
 */
public final class BallotModal {

	/** The view's callback id, which the submission listener answers to. */
	public static final String CALLBACK_ID = "ballot";

	/** The radio buttons' action id in every item's input. */
	static final String CHOICE = "choice";

	private static final String ITEM_BLOCK = "item-";

	private BallotModal() {
	}

	/**
	 * @param choices the voter's choice by item id, without the items not voted on
	 */
	public static View view(Cut cut, Map<Integer, Choice> choices) {
		List<LayoutBlock> blocks = new ArrayList<>();
		String heading = "*" + Mrkdwn.escape(cut.title()) + "* · " + cut.items().size() + " items · ID `"
				+ cut.ref().id() + "`\nPick *Ship* or *Defer* for each item, then submit them all at once. "
				+ "Your earlier choices are already picked; an item left blank stays unvoted.";
		blocks.add(section((s) -> s.text(markdownText(heading))));
		for (Item item : cut.items()) {
			Choice chosen = choices.get(item.id());
			blocks.add(input((i) -> i.blockId(itemBlock(item.id()))
				.label(plainText(item.text()))
				.optional(true)
				.element(radioButtons((r) -> r.actionId(CHOICE)
					.options(List.of(choiceOption(Choice.SHIP), choiceOption(Choice.DEFER)))
					.initialOption((chosen != null) ? choiceOption(chosen) : null)))));
		}
		return Views.view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(cut.ref().id().value())
			.title(viewTitle((t) -> t.type("plain_text").text("Vote")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Submit votes")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks));
	}

	/**
	 * What replaces the ballot once it is recorded: the voter's own choice on every item
	 * at one glance, and what the ballot changed.
	 * @param choices the voter's choices as they stand after the ballot
	 */
	public static View recorded(Cut cut, Map<Integer, Choice> choices, BallotResult result) {
		long changed = result.count(VoteResult.Outcome.RECORDED) + result.count(VoteResult.Outcome.CHANGED);
		long gone = result.count(VoteResult.Outcome.NOT_FOUND);
		int voted = (int) cut.items().stream().filter((item) -> choices.containsKey(item.id())).count();
		String summary = "*Your votes on " + Mrkdwn.escape(cut.title()) + " are recorded*: " + voted + " of "
				+ cut.items().size() + " items voted, " + changed + ((changed == 1) ? " choice" : " choices")
				+ " new or changed" + ((gone > 0) ? "; " + gone + " removed meanwhile, not recorded" : "")
				+ ". Only you can see this; *Vote* again to change them.";
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.text(markdownText(summary))));
		for (Item item : cut.items()) {
			Choice chosen = choices.get(item.id());
			String row = Mrkdwn.escape(item.text()) + " · "
					+ ((chosen != null) ? "*" + chosen.label() + "*" : "_not voted yet_");
			blocks.add(section((s) -> s.blockId(itemBlock(item.id())).text(markdownText(row))));
		}
		return Views.view((v) -> v.type("modal")
			.title(viewTitle((t) -> t.type("plain_text").text("Your votes")))
			.close(viewClose((c) -> c.type("plain_text").text("Done")))
			.blocks(blocks));
	}

	/**
	 * The cut a submitted ballot names; empty when its metadata is not one this wrote.
	 */
	public static Optional<CutId> cutOf(View view) {
		return Optional.ofNullable(view.getPrivateMetadata())
			.flatMap((metadata) -> CutId.parse(metadata).filter((id) -> id.value().equals(metadata)));
	}

	/**
	 * The choices a submitted ballot carries, by item id in the order shown; an item left
	 * blank, or a block this modal does not have, is absent. A value other than the two
	 * choices is refused as a forged payload.
	 * @return empty when a value is not one of the choices
	 */
	public static Optional<Map<Integer, Choice>> choices(Map<String, Map<String, ViewState.Value>> values) {
		Map<Integer, Choice> choices = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, ViewState.Value>> block : (values != null) ? values.entrySet()
				: Map.<String, Map<String, ViewState.Value>>of().entrySet()) {
			Optional<Integer> itemId = itemId(block.getKey());
			ViewState.Value value = (block.getValue() != null) ? block.getValue().get(CHOICE) : null;
			if (itemId.isEmpty() || value == null || value.getSelectedOption() == null) {
				continue;
			}
			String code = value.getSelectedOption().getValue();
			Optional<Choice> choice = java.util.Arrays.stream(Choice.values())
				.filter((each) -> code(each).equals(code))
				.findFirst();
			if (choice.isEmpty()) {
				return Optional.empty();
			}
			choices.put(itemId.get(), choice.get());
		}
		return Optional.of(choices);
	}

	/** The block id of an item's input, where an error on it shows. */
	public static String itemBlock(int itemId) {
		return ITEM_BLOCK + itemId;
	}

	/** The first item's input of a submitted ballot, as Slack sends its blocks back. */
	public static Optional<String> firstItemBlock(View view) {
		return Optional.ofNullable(view.getBlocks())
			.flatMap((blocks) -> blocks.stream()
				.map(LayoutBlock::getBlockId)
				.filter((blockId) -> itemId(blockId).isPresent())
				.findFirst());
	}

	private static Optional<Integer> itemId(String blockId) {
		if (blockId == null || !blockId.matches(ITEM_BLOCK + "[1-9][0-9]{0,4}")) {
			return Optional.empty();
		}
		return Optional.of(Integer.parseInt(blockId.substring(ITEM_BLOCK.length())));
	}

	private static OptionObject choiceOption(Choice choice) {
		return option(plainText(choice.label()), code(choice));
	}

	private static String code(Choice choice) {
		return (choice == Choice.SHIP) ? "S" : "D";
	}

}
