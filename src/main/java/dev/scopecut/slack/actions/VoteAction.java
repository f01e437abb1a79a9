package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CastVote;
import dev.scopecut.app.CutService;
import dev.scopecut.app.StoreUnavailableException;
import dev.scopecut.app.VoteResult;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.PrivateReplies;
import dev.scopecut.slack.Replies;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.blocks.VoteValue;

/**
 * A click on Ship or Defer (or the menu of a large cut). The vote is stored before the
 * acknowledgement, so an acknowledged vote is never lost; the private confirmation
 * follows.
 */
@Component
class VoteAction implements SlackListener, BlockActionHandler {

	private static final Logger log = LoggerFactory.getLogger(VoteAction.class);

	private final CutService cuts;

	private final PrivateReplies replies;

	VoteAction(CutService cuts, PrivateReplies replies) {
		this.cuts = cuts;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.VOTE, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		Optional<VoteValue> value = Actions.first(payload).flatMap((action) -> VoteValue.parse(Actions.value(action)));
		if (value.isEmpty()) {
			return Actions.badRequest();
		}
		VoteValue vote = value.get();
		try {
			VoteResult result = this.cuts.vote(new CastVote(new CutRef(ctx.getTeamId(), vote.cut()),
					payload.getUser().getId(), vote.itemId(), vote.choice()));
			this.replies.send(payload.getResponseUrl(), Replies.vote(result, vote.choice()));
		}
		catch (StoreUnavailableException ex) {
			log.warn("Vote not recorded: {}", ex.getMessage());
			this.replies.send(payload.getResponseUrl(), Replies.VOTE_NOT_RECORDED);
		}
		return ctx.ack();
	}

}
