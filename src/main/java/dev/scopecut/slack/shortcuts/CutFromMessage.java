package dev.scopecut.slack.shortcuts;

import java.time.Clock;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.scopecut.cut.ListedItems;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.blocks.NewCutModal;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.inbound.BadRequest;
import dev.scopecut.slack.outbound.PrivateReplies;
import dev.scopecut.slack.views.Modals;

/**
 * The message shortcut <em>Start scope cut from this message</em>: opens the <em>New
 * scope cut</em> form with the message's list as its items, for a cut in the message's
 * channel, before acknowledging (the trigger id lasts 3 seconds). Nothing is stored until
 * the form is submitted, as any new cut's.
 */
@Component
class CutFromMessage implements SlackListener, MessageShortcutHandler {

	/** The shortcut's callback id, as manifest.yml declares it. */
	static final String CALLBACK_ID = "cut-from-message";

	private final Clock clock;

	private final PrivateReplies replies;

	CutFromMessage(Clock clock, PrivateReplies replies) {
		this.clock = clock;
		this.replies = replies;
	}

	@Override
	public void register(App app) {
		app.messageShortcut(CALLBACK_ID, this);
	}

	@Override
	public Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
		MessageShortcutPayload payload = request.getPayload();
		if (payload.getChannel() == null || payload.getChannel().getId() == null || payload.getMessage() == null
				|| payload.getUser() == null) {
			return BadRequest.response("message shortcut");
		}
		ListedItems listed = ListedItems.parse(MessageText.of(payload.getMessage()));
		Modals
			.open(ctx.client(), payload.getTriggerId(),
					NewCutModal.fromMessage(this.clock.instant(), payload.getChannel().getId(), listed))
			.ifPresent((reason) -> this.replies.send(payload.getResponseUrl(), Replies.couldNotOpenModal(reason)));
		return ctx.ack();
	}

}
