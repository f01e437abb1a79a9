package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import dev.scopecut.app.EditResult;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutId;

/**
 * The <em>Edit scope cut</em> modal that the Edit button and {@code /scopecut edit} open,
 * a pure function of the cut, prefilled with its title, question, capacity and quorum.
 * Its blocks carry the same ids as the <em>New scope cut</em> modal's, so a refusal is
 * shown on the same field of either. The cut's id travels in {@code private_metadata}
 * with the fingerprint of the details shown, so that a form left open while another edit
 * was saved cannot overwrite it. The cut's workspace is always the submitting request's.
 */
public final class EditCutModal {

	/** The view's callback id, which the submission listener answers to. */
	public static final String CALLBACK_ID = "edit-cut";

	private EditCutModal() {
	}

	/**
	 * What the modal's {@code private_metadata} carries: {@code K7M2Q:fingerprint}.
	 *
	 * @param readAs the {@link CutDetails#fingerprint() fingerprint} of the details the
	 * form was opened with
	 */
	public record Metadata(CutId id, String readAs) {

		static Metadata of(Cut cut) {
			return new Metadata(cut.ref().id(), CutDetails.of(cut).fingerprint());
		}

		/**
		 * The metadata of a submitted view; empty when it is not one this modal wrote.
		 */
		public static Optional<Metadata> parse(String metadata) {
			String[] parts = (metadata != null) ? metadata.split(":", -1) : new String[0];
			if (parts.length != 2 || !parts[1].matches("[0-9a-f]{16}")) {
				return Optional.empty();
			}
			return CutId.parse(parts[0]).map((id) -> new Metadata(id, parts[1]));
		}

		String text() {
			return this.id.value() + ":" + this.readAs;
		}

	}

	public static View view(Cut cut) {
		return Views.view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(Metadata.of(cut).text())
			.title(viewTitle((t) -> t.type("plain_text").text("Edit scope cut")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Save")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks(cut)));
	}

	/**
	 * What replaces the form once it is saved: the facilitator's private confirmation of
	 * what changed (or that nothing needed to), the same words as a typed edit's.
	 */
	public static View saved(EditResult result) {
		String text = Replies.edit(result) + ((result.outcome() == EditResult.Outcome.DONE)
				? " The cut's message shows it; `/scopecut export` keeps every edit." : "");
		return Views.view((v) -> v.type("modal")
			.title(viewTitle((t) -> t.type("plain_text").text("Edit scope cut")))
			.close(viewClose((c) -> c.type("plain_text").text("Done")))
			.blocks(List.of(section((s) -> s.text(markdownText(text))))));
	}

	private static List<LayoutBlock> blocks(Cut cut) {
		int items = cut.items().size();
		String quorumHint = NewCutModal.QUORUM_HINT
				+ (cut.settings().hasChosenVoters() ? " At most " + cut.settings().voters().size() + "." : "");
		return List.of(DetailInputs.title(cut.title()), DetailInputs.question(cut.settings().question()),
				DetailInputs
					.capacity("At most this many items ship, the best-voted first: 1 to %d, or empty for no limit."
						.formatted(items), items, cut.settings().capacity()),
				DetailInputs.quorum(quorumHint, cut.settings().quorum()));
	}

}
