package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CastVote;
import dev.scopecut.app.CutService;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.outbound.ReminderProgress;
import dev.scopecut.slack.outbound.VoteConfirmations;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.blocks.VoteValue;

/**
 * A click on Ship or Defer (or the menu of a large cut). The vote is stored before the
 * acknowledgement, so an acknowledged vote is never lost; the private confirmation
 * follows. A click in a reminder (its block id says so) is answered instead by the
 * reminder redrawn in place, which shows what is left.
 */
@Component
class VoteAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final PrivateReplies replies;

	private final VoteConfirmations confirmations;

	private final ReminderProgress reminders;

	private final Metrics metrics;

	VoteAction(CutService cuts, PrivateReplies replies, VoteConfirmations confirmations, ReminderProgress reminders,
			Metrics metrics) {
		this.cuts = cuts;
		this.replies = replies;
		this.confirmations = confirmations;
		this.reminders = reminders;
		this.metrics = metrics;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.VOTE, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		Optional<BlockActionPayload.Action> action = Actions.first(payload);
		Optional<VoteValue> value = action.flatMap((clicked) -> VoteValue.parse(Actions.value(clicked)));
		if (value.isEmpty()) {
			return Actions.badRequest();
		}
		VoteValue vote = value.get();
		CutRef cut = new CutRef(ctx.getTeamId(), vote.cut());
		String voter = payload.getUser().getId();
		try {
			VoteResult result = this.cuts.vote(new CastVote(cut, voter, vote.itemId(), vote.choice()));
			this.metrics.vote(result.outcome());
			String confirmation = Replies.vote(result, vote.choice());
			// Someone who may not vote sees nothing in a reminder: they are told why.
			if (ActionIds.isReminderBlock(action.get().getBlockId())
					&& result.outcome() != VoteResult.Outcome.NOT_A_VOTER) {
				this.reminders.redraw(payload.getResponseUrl(), cut, voter, confirmation);
			}
			else if (isStored(result.outcome())) {
				this.confirmations.confirm(cut, voter, vote.itemId(), vote.choice(), result, payload.getResponseUrl());
			}
			else {
				this.replies.send(payload.getResponseUrl(), confirmation);
			}
		}
		catch (StoreUnavailableException ex) {
			this.metrics.voteNotStored();
			this.replies.send(payload.getResponseUrl(),
					StoreDown.reply("Vote not recorded", ex, Replies.VOTE_NOT_RECORDED));
		}
		return ctx.ack();
	}

	/**
	 * The vote stands as clicked: confirmed with the voter's other clicks of the burst.
	 */
	private static boolean isStored(VoteResult.Outcome outcome) {
		return outcome == VoteResult.Outcome.RECORDED || outcome == VoteResult.Outcome.CHANGED
				|| outcome == VoteResult.Outcome.UNCHANGED;
	}

}
