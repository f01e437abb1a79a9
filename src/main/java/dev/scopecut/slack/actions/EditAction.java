package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutService;
import dev.scopecut.app.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.Modals;
import dev.scopecut.slack.PrivateReplies;
import dev.scopecut.slack.Replies;
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

	private final PrivateReplies replies;

	EditAction(CutService cuts, PrivateReplies replies) {
		this.cuts = cuts;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.EDIT, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		Optional<CutRef> ref = Actions.cut(payload, ctx);
		if (ref.isEmpty()) {
			return Actions.badRequest();
		}
		try {
			Optional<Cut> cut = this.cuts.find(ref.get());
			if (cut.isEmpty()) {
				return Actions.badRequest();
			}
			Modals.openEdit(this.cuts, cut.get(), payload.getUser().getId(), ctx.client(), payload.getTriggerId())
				.ifPresent((answer) -> this.replies.send(payload.getResponseUrl(), answer));
		}
		catch (StoreUnavailableException ex) {
			this.replies.send(payload.getResponseUrl(), Replies.STORE_DOWN);
		}
		return ctx.ack();
	}

}
