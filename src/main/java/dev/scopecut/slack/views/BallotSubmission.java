package dev.scopecut.slack.views;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CastBallot;
import dev.scopecut.app.CutService;
import dev.scopecut.app.port.BallotResult;
import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoteResult;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.cut.Choice;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.BallotModal;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.inbound.BadRequest;

/**
 * A submitted ballot: every choice on it recorded in one step, each by the rules of a
 * click, before the acknowledgement; the acknowledgement then replaces the ballot with
 * the voter's own choice on every item ({@code response_action: update}), the answer to
 * "what did I vote?" at one glance. The cut is the one its {@code private_metadata}
 * names, in the workspace of the signed request. A cut closed meanwhile, or a voter who
 * may not vote, is answered with {@code response_action: errors} and nothing recorded.
 */
@Component
class BallotSubmission implements SlackListener, ViewSubmissionHandler {

	private final CutService cuts;

	private final Metrics metrics;

	BallotSubmission(CutService cuts, Metrics metrics) {
		this.cuts = cuts;
		this.metrics = metrics;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(BallotModal.CALLBACK_ID, this);
	}

	@Override
	public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
		ViewSubmissionPayload payload = request.getPayload();
		View view = payload.getView();
		Optional<CutId> id = Optional.ofNullable(view).flatMap(BallotModal::cutOf);
		Optional<Map<Integer, Choice>> choices = id.flatMap((cut) -> Optional.ofNullable(view.getState()))
			.flatMap((state) -> BallotModal.choices(state.getValues()));
		if (choices.isEmpty() || payload.getUser() == null || payload.getUser().getId() == null) {
			return BadRequest.response("view submission");
		}
		Optional<String> errorBlock = choices.get()
			.keySet()
			.stream()
			.findFirst()
			.map(BallotModal::itemBlock)
			.or(() -> BallotModal.firstItemBlock(view));
		if (errorBlock.isEmpty()) {
			return BadRequest.response("view submission");
		}
		if (choices.get().isEmpty()) {
			return ctx.ackWithErrors(Map.of(errorBlock.get(), "Pick Ship or Defer for at least one item."));
		}
		CutRef ref = new CutRef(ctx.getTeamId(), id.get());
		String voter = payload.getUser().getId();
		try {
			BallotResult result = this.cuts.ballot(new CastBallot(ref, voter, choices.get()));
			result.outcomes().values().forEach(this.metrics::vote);
			Optional<VoterChoices> mine = this.cuts.choicesOf(ref, voter);
			if (mine.isEmpty()) {
				return ctx.ackWithErrors(Map.of(errorBlock.get(), "This cut no longer exists; nothing was recorded."));
			}
			if (result.count(VoteResult.Outcome.NOT_OPEN) > 0 || result.count(VoteResult.Outcome.NOT_A_VOTER) > 0) {
				return ctx.ackWithErrors(Map.of(errorBlock.get(), Replies.ballotRefused(mine.get().cut())));
			}
			View recorded = BallotModal.recorded(mine.get().cut(), mine.get().choices(), result);
			return ctx.ack((answer) -> answer.responseAction("update").view(recorded));
		}
		catch (StoreUnavailableException ex) {
			this.metrics.voteNotStored();
			return ctx.ackWithErrors(Map.of(errorBlock.get(), StoreDown.reply("Ballot not recorded", ex)));
		}
	}

}
