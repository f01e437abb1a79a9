package dev.scopecut.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutEditService;
import dev.scopecut.app.CutService;
import dev.scopecut.slack.views.Modals;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.ActionIds;

/**
 * The Edit button: opens the <em>Edit scope cut</em> modal for the facilitator of an open
 * cut, before acknowledging (the trigger id lasts 3 seconds); anyone else, or a click on
 * a closed cut, gets a private answer and no modal. The workspace is the request's, never
 * the payload's.
 */
@Component
class EditAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final CutEditService edits;

	private final PrivateReplies replies;

	EditAction(CutService cuts, CutEditService edits, PrivateReplies replies) {
		this.cuts = cuts;
		this.edits = edits;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.EDIT, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		return Actions.onCut(payload, ctx, this.cuts, this.replies, (cut) -> Modals.openEdit(this.edits, cut,
				payload.getUser().getId(), ctx.client(), payload.getTriggerId()));
	}

}
