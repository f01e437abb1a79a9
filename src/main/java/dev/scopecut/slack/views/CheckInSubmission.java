package dev.scopecut.slack.views;

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

import dev.scopecut.app.AnswerCheckIn;
import dev.scopecut.app.CheckIns;
import dev.scopecut.app.port.CheckInStore;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.CheckInModal;
import dev.scopecut.slack.blocks.Refusals;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.inbound.BadRequest;

/**
 * The submitted check-in form. The answer is recorded before the acknowledgement, and the
 * form closes; a text too long, an answer by anyone but the facilitator or to a check-in
 * no longer pending goes back as {@code response_action: errors} on the text box, the
 * form stays open and nothing is written. The workspace is the one Bolt resolved, never
 * the payload's: a cut of another workspace is not found there.
 */
@Component
class CheckInSubmission implements SlackListener, ViewSubmissionHandler {

	private final CheckIns checkIns;

	CheckInSubmission(CheckIns checkIns) {
		this.checkIns = checkIns;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(CheckInModal.CALLBACK_ID, this);
	}

	@Override
	public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
		ViewSubmissionPayload payload = request.getPayload();
		View view = payload.getView();
		Optional<CheckInModal.Metadata> metadata = (view != null)
				? CheckInModal.Metadata.parse(view.getPrivateMetadata()) : Optional.empty();
		if (payload.getUser() == null || payload.getUser().getId() == null || metadata.isEmpty()
				|| view.getState() == null) {
			return BadRequest.response("view submission");
		}
		String text = new FormFields(view.getState().getValues()).text(CheckInModal.TEXT);
		AnswerCheckIn.Reply reply = (metadata.get().kind() == CheckInAnswer.Kind.LEARNED) ? AnswerCheckIn.Reply.LEARNED
				: AnswerCheckIn.Reply.NOT_LEARNED;
		try {
			CheckIns.Answered answered = this.checkIns.answer(new AnswerCheckIn(
					new CutRef(ctx.getTeamId(), metadata.get().cut()), payload.getUser().getId(), reply, text));
			if (answered.outcome() != CheckInStore.Outcome.DONE) {
				return ctx.ackWithErrors(Map.of(CheckInModal.TEXT, Replies.checkIn(answered)));
			}
			return ctx.ack();
		}
		catch (InvalidCutException ex) {
			return ctx.ackWithErrors(Map.of(CheckInModal.TEXT, Refusals.text(ex, UnaryOperator.identity())));
		}
		catch (StoreUnavailableException ex) {
			return ctx.ackWithErrors(Map.of(CheckInModal.TEXT, StoreDown.reply("Check-in not recorded", ex)));
		}
	}

}
