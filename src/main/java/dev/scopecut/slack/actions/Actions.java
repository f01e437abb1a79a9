package dev.scopecut.slack.actions;

import java.util.Optional;
import java.util.function.Function;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;

import dev.scopecut.app.CutService;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.inbound.BadRequest;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.StoreDown;

/**
 * Reads the one action a block_actions payload carries, trusting none of it: the client
 * may have forged any field.
 */
final class Actions {

	private Actions() {
	}

	static Optional<BlockActionPayload.Action> first(BlockActionPayload payload) {
		if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
			return Optional.empty();
		}
		return Optional.of(payload.getActions().get(0));
	}

	/** A button's value, or the value of the option chosen in a menu. */
	static String value(BlockActionPayload.Action action) {
		if (action.getSelectedOption() != null) {
			return action.getSelectedOption().getValue();
		}
		return action.getValue();
	}

	/**
	 * The cut a button's value names, in the request's own workspace (never the
	 * payload's); empty when the value is not a cut id.
	 */
	static Optional<CutRef> cut(BlockActionPayload payload, ActionContext ctx) {
		return first(payload).flatMap((action) -> CutId.parse(value(action)))
			.map((id) -> new CutRef(ctx.getTeamId(), id));
	}

	/**
	 * The clicker's own choices on the cut a button's value names, in the request's own
	 * workspace; outside the cut's channel only for the people the cut belongs to. Empty
	 * when the value names no such cut: a bad request.
	 * @throws StoreUnavailableException when Redis did not answer
	 */
	static Optional<VoterChoices> ownChoices(BlockActionPayload payload, ActionContext ctx, CutService cuts) {
		Optional<CutRef> ref = cut(payload, ctx);
		if (ref.isEmpty()) {
			return Optional.empty();
		}
		String channel = (payload.getChannel() != null) ? payload.getChannel().getId() : null;
		return cuts.choicesOf(ref.get(), payload.getUser().getId(), channel);
	}

	/**
	 * Answers a click on a control of one cut: finds the cut the value names, in the
	 * request's own workspace, and sends the clicker privately what {@code answer} has to
	 * say, if anything; a value naming no cut is a bad request.
	 */
	static Response onCut(BlockActionPayload payload, ActionContext ctx, CutService cuts, PrivateReplies replies,
			Function<Cut, Optional<String>> answer) {
		Optional<CutRef> ref = cut(payload, ctx);
		if (ref.isEmpty()) {
			return badRequest();
		}
		try {
			Optional<Cut> cut = cuts.find(ref.get());
			if (cut.isEmpty()) {
				return badRequest();
			}
			answer.apply(cut.get()).ifPresent((text) -> replies.send(payload.getResponseUrl(), text));
		}
		catch (StoreUnavailableException ex) {
			replies.send(payload.getResponseUrl(), StoreDown.reply("Action not served", ex));
		}
		return ctx.ack();
	}

	static Response badRequest() {
		return BadRequest.response("action");
	}

}
