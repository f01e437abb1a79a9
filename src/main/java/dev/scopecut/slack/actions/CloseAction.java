package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CloseCut;
import dev.scopecut.app.CutService;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.ActionIds;

/** The Close button: only the facilitator may close, whoever the payload says clicked. */
@Component
class CloseAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final PrivateReplies replies;

	CloseAction(CutService cuts, PrivateReplies replies) {
		this.cuts = cuts;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.CLOSE, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		return Actions.onCut(payload, ctx, this.cuts, this.replies, (cut) -> Optional
			.of(Replies.finish(this.cuts.close(new CloseCut(cut, payload.getUser().getId())), "close")));
	}

}
