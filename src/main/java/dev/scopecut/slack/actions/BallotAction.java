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
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.blocks.BallotModal;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.views.Modals;

/**
 * The *Vote on all items* button of a large cut: opens the clicker's ballot, prefilled
 * with their own choices, before acknowledging (the trigger id lasts 3 seconds). A closed
 * cut, or a clicker who is not one of its chosen voters, gets a private answer and no
 * ballot. The workspace is the request's, never the payload's; outside the cut's channel
 * only the people it belongs to get it, as for *My votes*.
 */
@Component
class BallotAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final PrivateReplies replies;

	BallotAction(CutService cuts, PrivateReplies replies) {
		this.cuts = cuts;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.BALLOT, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		try {
			Optional<VoterChoices> mine = Actions.ownChoices(payload, ctx, this.cuts);
			if (mine.isEmpty()) {
				return Actions.badRequest();
			}
			Cut cut = mine.get().cut();
			Optional<String> refused = (cut.isOpen() && cut.mayVote(payload.getUser().getId()))
					? Modals.open(ctx.client(), payload.getTriggerId(), BallotModal.view(cut, mine.get().choices()))
						.map(Replies::couldNotOpenBallot)
					: Optional.of(Replies.ballotRefused(cut));
			refused.ifPresent((text) -> this.replies.send(payload.getResponseUrl(), text));
		}
		catch (StoreUnavailableException ex) {
			this.replies.send(payload.getResponseUrl(), StoreDown.reply("Ballot not opened", ex));
		}
		return ctx.ack();
	}

}
