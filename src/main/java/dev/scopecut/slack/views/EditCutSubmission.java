package dev.scopecut.slack.views;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.springframework.stereotype.Component;

import dev.scopecut.app.ChangeDetails;
import dev.scopecut.app.CutEditService;
import dev.scopecut.app.CutService;
import dev.scopecut.app.EditResult;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDetails;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.slack.inbound.BadRequest;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.EditCutModal;
import dev.scopecut.slack.blocks.NewCutModal;
import dev.scopecut.slack.blocks.Refusals;

/**
 * The submitted <em>Edit scope cut</em> modal. The cut is the one its
 * {@code private_metadata} names, in the workspace Bolt resolved from the signed request
 * (never a field of the payload), and whether the submitter is its facilitator and it is
 * still open is checked again here, whatever opened the modal. The change is stored
 * before the acknowledgement (the modal closes); a refusal goes back as
 * {@code response_action: errors} on the block at fault, with nothing changed.
 */
@Component
class EditCutSubmission implements SlackListener, ViewSubmissionHandler {

	private final CutService cuts;

	private final CutEditService edits;

	EditCutSubmission(CutService cuts, CutEditService edits) {
		this.cuts = cuts;
		this.edits = edits;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(EditCutModal.CALLBACK_ID, this);
	}

	@Override
	public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
		ViewSubmissionPayload payload = request.getPayload();
		View view = payload.getView();
		Optional<EditCutModal.Metadata> form = Optional.ofNullable(view)
			.map(View::getPrivateMetadata)
			.flatMap(EditCutModal.Metadata::parse);
		if (form.isEmpty() || view.getState() == null || payload.getUser() == null
				|| payload.getUser().getId() == null) {
			return BadRequest.response("view submission");
		}
		try {
			Optional<Cut> cut = this.cuts.find(new CutRef(ctx.getTeamId(), form.get().id()));
			if (cut.isEmpty()) {
				return ctx.ackWithErrors(Map.of(NewCutModal.TITLE, "This cut no longer exists; nothing was changed."));
			}
			FormFields fields = new FormFields(view.getState().getValues());
			CutDetails wanted = new CutDetails(fields.title(), fields.text(NewCutModal.QUESTION), fields.capacity(),
					fields.quorum());
			EditResult result = this.edits
				.changeDetails(new ChangeDetails(cut.get(), payload.getUser().getId(), form.get().readAs(), wanted));
			return switch (result.outcome()) {
				case DONE, UNCHANGED -> ctx.ack();
				// Plain text: a form's errors show no formatting.
				case NOT_FACILITATOR -> ctx.ackWithErrors(Map.of(NewCutModal.TITLE,
						"Only the person who started this cut can edit it; nothing was changed."));
				case NOT_OPEN -> ctx.ackWithErrors(Map.of(NewCutModal.TITLE, "This cut is already "
						+ result.cut().status().name().toLowerCase(Locale.ROOT) + "; nothing was changed."));
			};
		}
		catch (InvalidCutException ex) {
			return ctx.ackWithErrors(
					Map.of(NewCutSubmission.blockOf(ex.field()), Refusals.text(ex, UnaryOperator.identity())));
		}
		catch (StoreUnavailableException ex) {
			return ctx.ackWithErrors(Map.of(NewCutModal.TITLE, StoreDown.reply("Cut edit not stored", ex)));
		}
	}

}
