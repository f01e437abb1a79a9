package dev.scopecut.slack.blocks;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.TypedText;

/**
 * The check-in form that <em>We learned it</em> and <em>No</em> open: the release
 * question and a text box for what was learned, at most {@link CheckInAnswer#TEXT_MAX}
 * characters. The answer and the cut travel in {@code private_metadata}
 * ({@code LEARNED:K7M2Q}).
 */
public final class CheckInModal {

	public static final String CALLBACK_ID = "check-in";

	/** The text box's block id, also its action id. */
	public static final String TEXT = "check-in-text";

	private CheckInModal() {
	}

	/** What the form carries: the answer picked and the cut. */
	public record Metadata(CheckInAnswer.Kind kind, CutId cut) {

		/** The metadata of a submitted view; empty when it is not one this form wrote. */
		public static Optional<Metadata> parse(String metadata) {
			if (metadata == null) {
				return Optional.empty();
			}
			String[] parts = metadata.split(":", -1);
			if (parts.length != 2) {
				return Optional.empty();
			}
			for (CheckInAnswer.Kind kind : CheckInAnswer.Kind.values()) {
				if (kind.name().equals(parts[0])) {
					return CutId.parse(parts[1]).map((id) -> new Metadata(kind, id));
				}
			}
			return Optional.empty();
		}

		String text() {
			return this.kind.name() + ":" + this.cut.value();
		}

	}

	public static View view(Cut cut, CheckInAnswer.Kind kind) {
		boolean learned = kind == CheckInAnswer.Kind.LEARNED;
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(CheckInMessage.question(cut));
		blocks.add(input((i) -> i.blockId(TEXT)
			.label(plainText(learned ? "What did the release teach?" : "What did you find out instead?"))
			.optional(true)
			.hint(plainText("Posted under the decision of “%s” and kept with the cut; at most %,d characters."
				.formatted(TypedText.excerpt(cut.title(), 60), CheckInAnswer.TEXT_MAX)))
			.element(plainTextInput((p) -> p.actionId(TEXT).multiline(true).maxLength(CheckInAnswer.TEXT_MAX)))));
		return Views.view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(new Metadata(kind, cut.ref().id()).text())
			.title(viewTitle((t) -> t.type("plain_text").text("Release check-in")))
			.submit(viewSubmit((s) -> s.type("plain_text").text(learned ? "We learned it" : "Not learned")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks));
	}

}
