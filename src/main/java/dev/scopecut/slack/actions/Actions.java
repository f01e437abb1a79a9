package dev.scopecut.slack.actions;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;

import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.BadRequest;

/**
 * Reading the one action a block_actions payload carries, which the client may have
 * forged.
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

	static Response badRequest() {
		return BadRequest.response("action");
	}

}
