package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.InputBlock;

import dev.scopecut.cut.CutDraft;

/**
 * The inputs of a cut's details that the <em>New scope cut</em> and <em>Edit scope
 * cut</em> modals share, so the two forms cannot drift apart: the same block and action
 * ids, labels and limits, empty or holding the cut's values.
 */
final class DetailInputs {

	private DetailInputs() {
	}

	/**
	 * @param initial the cut's title, or null for an empty input
	 */
	static InputBlock title(String initial) {
		return input((i) -> i.blockId(NewCutModal.TITLE)
			.label(plainText("Title"))
			.element(plainTextInput((p) -> p.actionId(NewCutModal.TITLE)
				.maxLength(CutDraft.MAX_TITLE_LENGTH)
				.placeholder(plainText("Project-sharing app 0.1"))
				.initialValue(initial))));
	}

	/**
	 * @param initial the cut's release question; empty for an empty input
	 */
	static InputBlock question(String initial) {
		return input((i) -> i.blockId(NewCutModal.QUESTION)
			.label(plainText("What must this release teach us?"))
			.optional(true)
			.element(plainTextInput((p) -> p.actionId(NewCutModal.QUESTION)
				.multiline(true)
				.maxLength(NewCutModal.INPUT_MAX)
				.placeholder(plainText("Will people share a project without being asked?"))
				.initialValue(initial.isEmpty() ? null : initial))));
	}

	/**
	 * @param most the largest capacity the form takes
	 * @param initial the cut's capacity; 0 (none) for an empty input
	 */
	static InputBlock capacity(String hint, int most, int initial) {
		return input((i) -> i.blockId(NewCutModal.CAPACITY)
			.label(plainText("Capacity"))
			.optional(true)
			.hint(plainText(hint))
			.element(numberInput((n) -> n.actionId(NewCutModal.CAPACITY)
				.decimalAllowed(false)
				.minValue("1")
				.maxValue(Integer.toString(most))
				.initialValue(count(initial)))));
	}

	/**
	 * @param initial the cut's quorum; 0 (none) for an empty input
	 */
	static InputBlock quorum(String hint, int initial) {
		return input((i) -> i.blockId(NewCutModal.QUORUM)
			.label(plainText("Quorum"))
			.optional(true)
			.hint(plainText(hint))
			.element(numberInput((n) -> n.actionId(NewCutModal.QUORUM)
				.decimalAllowed(false)
				.minValue("1")
				.initialValue(count(initial)))));
	}

	/** A capacity or quorum of 0 means none: the input starts empty. */
	private static String count(int count) {
		return (count > 0) ? Integer.toString(count) : null;
	}

}
