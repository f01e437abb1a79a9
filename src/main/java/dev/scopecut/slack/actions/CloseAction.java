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
import dev.scopecut.app.FinishResult;
import dev.scopecut.app.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.PrivateReplies;
import dev.scopecut.slack.Replies;
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
		Optional<CutRef> ref = Actions.cut(payload, ctx);
		if (ref.isEmpty()) {
			return Actions.badRequest();
		}
		try {
			Optional<Cut> cut = this.cuts.find(ref.get());
			if (cut.isEmpty()) {
				return Actions.badRequest();
			}
			FinishResult result = this.cuts.close(cut.get(), payload.getUser().getId());
			this.replies.send(payload.getResponseUrl(), Replies.finish(result, "close"));
		}
		catch (StoreUnavailableException ex) {
			this.replies.send(payload.getResponseUrl(), Replies.STORE_DOWN);
		}
		return ctx.ack();
	}

}
