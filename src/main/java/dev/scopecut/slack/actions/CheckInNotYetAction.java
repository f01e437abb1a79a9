package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.AnswerCheckIn;
import dev.scopecut.app.CheckIns;
import dev.scopecut.app.CutService;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.outbound.PrivateReplies;

/**
 * The <em>Not yet: ask again in a week</em> answer of a check-in: moves the next ask a
 * week on for the cut's facilitator, and says so privately; anyone else is refused
 * privately and nothing is written. The workspace is the request's, never the payload's.
 */
@Component
class CheckInNotYetAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final CheckIns checkIns;

	private final PrivateReplies replies;

	CheckInNotYetAction(CutService cuts, CheckIns checkIns, PrivateReplies replies) {
		this.cuts = cuts;
		this.checkIns = checkIns;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.CHECK_IN_NOT_YET, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		BlockActionPayload payload = request.getPayload();
		return Actions.onCut(payload, ctx, this.cuts, this.replies, (cut) -> Optional.of(Replies.checkIn(this.checkIns
			.answer(new AnswerCheckIn(cut.ref(), payload.getUser().getId(), AnswerCheckIn.Reply.NOT_YET, "")))));
	}

}
