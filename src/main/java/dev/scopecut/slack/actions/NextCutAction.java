package dev.scopecut.slack.actions;

import java.time.Clock;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutService;
import dev.scopecut.app.NextCuts;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.views.Modals;

/**
 * The <em>Start next cut</em> button of a closed cut: opens the <em>New scope cut</em>
 * form prefilled from its decision for its facilitator, before acknowledging (the trigger
 * id lasts 3 seconds); anyone else gets a private answer and no form. The new cut runs in
 * the closed cut's channel; the workspace is the request's, never the payload's.
 */
@Component
class NextCutAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final NextCuts nextCuts;

	private final PrivateReplies replies;

	private final Clock clock;

	NextCutAction(CutService cuts, NextCuts nextCuts, PrivateReplies replies, Clock clock) {
		this.cuts = cuts;
		this.nextCuts = nextCuts;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.NEXT_CUT, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		return Actions.onCut(payload, ctx, this.cuts, this.replies, (cut) -> Modals.openNext(this.nextCuts, cut.ref(),
				payload.getUser().getId(), cut.channel(), this.clock.instant(), ctx.client(), payload.getTriggerId()));
	}

}
