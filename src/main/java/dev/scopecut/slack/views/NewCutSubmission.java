package dev.scopecut.slack.views;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutService;
import dev.scopecut.app.NextCuts;
import dev.scopecut.app.StartCut;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.CutId;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.slack.inbound.BadRequest;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.NewCutPost;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.NewCutModal;
import dev.scopecut.slack.blocks.Refusals;

/**
 * The submitted <em>New scope cut</em> modal. A refusal goes back as
 * {@code response_action: errors} on the block at fault, and the modal stays open with
 * nothing created. Otherwise the cut is stored before the acknowledgement (the modal
 * closes) and posted after it, as a quick start is. The facilitator is whoever submitted;
 * the workspace is the one Bolt resolved, never a field of the payload. A form opened for
 * the next cut of a closed one names that cut, which is read again (is it closed, is the
 * submitter its facilitator?) before the new cut is stored with its link.
 */
@Component
class NewCutSubmission implements SlackListener, ViewSubmissionHandler {

	private static final Logger log = LoggerFactory.getLogger(NewCutSubmission.class);

	private final CutService cuts;

	private final NextCuts nextCuts;

	private final Executor executor;

	NewCutSubmission(CutService cuts, NextCuts nextCuts, @Qualifier("publishExecutor") Executor executor) {
		this.cuts = cuts;
		this.nextCuts = nextCuts;
		this.executor = executor;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(NewCutModal.CALLBACK_ID, this);
	}

	@Override
	public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
		ViewSubmissionPayload payload = request.getPayload();
		View view = payload.getView();
		Optional<NewCutModal.Metadata> metadata = (view != null) ? NewCutModal.Metadata.parse(view.getPrivateMetadata())
				: Optional.empty();
		if (payload.getUser() == null || payload.getUser().getId() == null || metadata.isEmpty()
				|| view.getState() == null) {
			return BadRequest.response("view submission");
		}
		String facilitator = payload.getUser().getId();
		String channel = metadata.get().channel();
		try {
			CutDraft draft = NewCutForm.draft(view.getState().getValues());
			StartCut command = new StartCut(ctx.getTeamId(), channel, facilitator, draft);
			Optional<CutId> parent = metadata.get().parent();
			Cut cut = parent.isPresent() ? this.nextCuts.start(command, new CutRef(ctx.getTeamId(), parent.get()))
					: this.cuts.start(command);
			NewCutPost.postAfterAck(this.executor, this.cuts, cut, (text) -> tell(cut, ctx, text));
			return ctx.ack();
		}
		catch (InvalidCutException ex) {
			return ctx.ackWithErrors(errors(ex));
		}
		catch (NextCuts.RefusedException ex) {
			return ctx.ackWithErrors(Map.of(NewCutModal.TITLE, Replies.nextRefused(ex)));
		}
		catch (StoreUnavailableException ex) {
			return ctx.ackWithErrors(Map.of(NewCutModal.TITLE, StoreDown.reply("New cut not stored", ex)));
		}
		catch (RejectedExecutionException ex) {
			log.warn("New cut not posted: the publish queue is full");
			return ctx.ackWithErrors(Map.of(NewCutModal.TITLE, Replies.TOO_BUSY));
		}
	}

	/** Every refusal on its block, for the form to show them all at once. */
	static Map<String, String> errors(InvalidCutException refused) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		refused.refusals()
			.forEach((refusal) -> errors.putIfAbsent(blockOf(refusal.field()),
					Refusals.text(refusal, UnaryOperator.identity())));
		return errors;
	}

	/** The block that shows a refusal about the given part of the request. */
	static String blockOf(InvalidCutException.Field field) {
		return switch (field) {
			case TITLE, REQUEST -> NewCutModal.TITLE;
			case ITEMS -> NewCutModal.ITEMS;
			case DEADLINE -> NewCutModal.DEADLINE;
			case REMINDERS -> NewCutModal.REMINDERS;
			case CAPACITY -> NewCutModal.CAPACITY;
			case QUORUM -> NewCutModal.QUORUM;
			case VOTERS -> NewCutModal.VOTERS;
			case CHECK_IN -> NewCutModal.CHECK_IN;
			// Not a field of this form: shown on its first.
			case CHECK_IN_TEXT -> NewCutModal.TITLE;
		};
	}

	/**
	 * Tells the facilitator privately in the channel; when the bot cannot post there (not
	 * invited), in a direct message instead.
	 */
	private static void tell(Cut cut, ViewSubmissionContext ctx, String text) {
		try {
			ChatPostEphemeralResponse ephemeral = ctx.client()
				.chatPostEphemeral((r) -> r.channel(cut.channel()).user(cut.facilitator()).text(text));
			if (!ephemeral.isOk()) {
				ctx.client().chatPostMessage((r) -> r.channel(cut.facilitator()).text(text));
			}
		}
		catch (IOException | SlackApiException ex) {
			log.warn("Could not tell the facilitator that the cut was not posted: {}", ex.getClass().getSimpleName());
		}
	}

}
