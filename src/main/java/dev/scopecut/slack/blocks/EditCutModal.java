package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;

/**
 * The <em>Edit scope cut</em> modal that the Edit button and {@code /scopecut edit} open,
 * a pure function of the cut, prefilled with its title, question, capacity and quorum.
 * Its blocks carry the same ids as the <em>New scope cut</em> modal's, so a refusal is
 * shown on the same field of either. The cut's id travels in {@code private_metadata};
 * its workspace is always the submitting request's own.
 */
public final class EditCutModal {

	/** The view's callback id, which the submission listener answers to. */
	public static final String CALLBACK_ID = "edit-cut";

	private EditCutModal() {
	}

	public static View view(Cut cut) {
		return Views.view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(cut.ref().id().value())
			.title(viewTitle((t) -> t.type("plain_text").text("Edit scope cut")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Save")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks(cut)));
	}

	private static List<LayoutBlock> blocks(Cut cut) {
		int items = cut.items().size();
		String quorumHint = "With fewer voters than this, the result says “no quorum”. Empty for none."
				+ (cut.settings().hasChosenVoters() ? " At most " + cut.settings().voters().size() + "." : "");
		return List.of(
				input((i) -> i.blockId(NewCutModal.TITLE)
					.label(plainText("Title"))
					.element(plainTextInput((p) -> p.actionId(NewCutModal.TITLE)
						.maxLength(CutDraft.MAX_TITLE_LENGTH)
						.initialValue(cut.title())))),
				input((i) -> i.blockId(NewCutModal.QUESTION)
					.label(plainText("What must this release teach us?"))
					.optional(true)
					.element(plainTextInput((p) -> p.actionId(NewCutModal.QUESTION)
						.multiline(true)
						.maxLength(NewCutModal.INPUT_MAX)
						.initialValue(cut.settings().question().isEmpty() ? null : cut.settings().question())))),
				input((i) -> i.blockId(NewCutModal.CAPACITY)
					.label(plainText("Capacity"))
					.optional(true)
					.hint(plainText(
							"At most this many items ship, the best-voted first: 1 to %d, or empty for no limit."
								.formatted(items)))
					.element(numberInput((n) -> n.actionId(NewCutModal.CAPACITY)
						.decimalAllowed(false)
						.minValue("1")
						.maxValue(Integer.toString(items))
						.initialValue(initialCount(cut.settings().capacity()))))),
				input((i) -> i.blockId(NewCutModal.QUORUM)
					.label(plainText("Quorum"))
					.optional(true)
					.hint(plainText(quorumHint))
					.element(numberInput((n) -> n.actionId(NewCutModal.QUORUM)
						.decimalAllowed(false)
						.minValue("1")
						.initialValue(initialCount(cut.settings().quorum()))))));
	}

	/** A capacity or quorum of 0 means none: the input starts empty. */
	private static String initialCount(int count) {
		return (count > 0) ? Integer.toString(count) : null;
	}

}
