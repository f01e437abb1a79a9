package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;

import dev.scopecut.app.CheckIns;
import dev.scopecut.app.CutService;
import dev.scopecut.app.port.CheckInStore;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.slack.blocks.CheckInModal;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.views.Modals;

/**
 * What <em>We learned it</em> and <em>No</em> share: the check-in form opens, before the
 * acknowledgement (the trigger id lasts 3 seconds), for the cut's facilitator while its
 * check-in is pending; anyone else, or a check-in already answered, gets a private answer
 * and no form. The cut is the request's workspace's, never the payload's: a cut of
 * another workspace is not found.
 */
final class CheckInForm {

	private CheckInForm() {
	}

	static Response open(BlockActionPayload payload, ActionContext ctx, CutService cuts, CheckIns checkIns,
			PrivateReplies replies, CheckInAnswer.Kind kind) {
		return Actions.onCut(payload, ctx, cuts, replies, (cut) -> {
			CheckIns.Answered allowed = checkIns.mayAnswer(cut, payload.getUser().getId());
			if (allowed.outcome() != CheckInStore.Outcome.DONE) {
				return Optional.of(Replies.checkIn(allowed));
			}
			return Modals.open(ctx.client(), payload.getTriggerId(), CheckInModal.view(cut, kind))
				.map(Replies::couldNotOpenCheckIn);
		});
	}

}
