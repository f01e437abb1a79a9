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
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.blocks.MyVotesMessage;

/**
 * The My votes button: the clicker sees, privately, their own choice on each item, with
 * the cut's Ship and Defer controls while it is open (clicks there reach
 * {@link VoteAction}). The workspace is the request's, never the payload's; outside the
 * cut's channel only the people it belongs to see it (a click from a reminder is a
 * voter's), anyone else is answered as for no such cut.
 */
@Component
class MyVotesAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final PrivateReplies replies;

	MyVotesAction(CutService cuts, PrivateReplies replies) {
		this.cuts = cuts;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.MY_VOTES, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		try {
			Optional<VoterChoices> mine = Actions.ownChoices(payload, ctx, this.cuts);
			if (mine.isEmpty()) {
				return Actions.badRequest();
			}
			this.replies.send(payload.getResponseUrl(), MyVotesMessage.render(mine.get().cut(), mine.get().choices()));
		}
		catch (StoreUnavailableException ex) {
			this.replies.send(payload.getResponseUrl(), StoreDown.reply("Votes not read", ex, Replies.VOTES_NOT_READ));
		}
		return ctx.ack();
	}

}
