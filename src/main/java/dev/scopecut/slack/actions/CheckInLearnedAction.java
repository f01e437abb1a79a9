package dev.scopecut.slack.actions;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CheckIns;
import dev.scopecut.app.CutService;
import dev.scopecut.cut.CheckInAnswer;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.ActionIds;
import dev.scopecut.slack.outbound.PrivateReplies;

/**
 * The <em>We learned it</em> answer of a check-in: opens the check-in form
 * ({@link CheckInForm}).
 */
@Component
class CheckInLearnedAction implements SlackListener, BlockActionHandler {

	private final CutService cuts;

	private final CheckIns checkIns;

	private final PrivateReplies replies;

	CheckInLearnedAction(CutService cuts, CheckIns checkIns, PrivateReplies replies) {
		this.cuts = cuts;
		this.checkIns = checkIns;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.blockAction(ActionIds.CHECK_IN_LEARNED, this);
	}

	@Override
	public Response apply(BlockActionRequest request, ActionContext ctx) {
		return CheckInForm.open(request.getPayload(), ctx, this.cuts, this.checkIns, this.replies,
				CheckInAnswer.Kind.LEARNED);
	}

}
