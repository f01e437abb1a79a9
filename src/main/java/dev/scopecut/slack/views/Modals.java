package dev.scopecut.slack.views;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.CutEditService;
import dev.scopecut.app.EditResult;
import dev.scopecut.app.NextCuts;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.NextCut;
import dev.scopecut.slack.blocks.EditCutModal;
import dev.scopecut.slack.blocks.NewCutModal;
import dev.scopecut.slack.blocks.Replies;

/**
 * Opens Scopecut's modals with a trigger id. A trigger id works once and only for 3
 * seconds, so a listener opens the modal before it acknowledges and can still say, in the
 * acknowledgement or privately, why nothing opened.
 */
public final class Modals {

	private static final Logger log = LoggerFactory.getLogger(Modals.class);

	private Modals() {
	}

	/**
	 * Opens the view.
	 * @return empty when it opened, else why not (Slack's error, or "Slack unreachable")
	 */
	public static Optional<String> open(MethodsClient client, String triggerId, View view) {
		try {
			ViewsOpenResponse opened = client.viewsOpen((r) -> r.triggerId(triggerId).view(view));
			if (opened.isOk()) {
				return Optional.empty();
			}
			log.warn("views.open refused: {}", opened.getError());
			return Optional.of(String.valueOf(opened.getError()));
		}
		catch (IOException | SlackApiException ex) {
			log.warn("views.open failed: {}", ex.getClass().getSimpleName());
			return Optional.of("Slack unreachable");
		}
	}

	/**
	 * Opens the <em>New scope cut</em> modal for the cut that follows a closed one, for
	 * its facilitator only, whoever the payload says asked; the new cut runs in
	 * {@code channel}.
	 * @return empty when it opened; otherwise what to tell the user privately
	 */
	public static Optional<String> openNext(NextCuts nextCuts, CutRef parent, String user, String channel, Instant now,
			MethodsClient client, String triggerId) {
		NextCut next;
		try {
			next = nextCuts.plan(parent, user);
		}
		catch (NextCuts.RefusedException ex) {
			return Optional.of(Replies.nextRefused(ex));
		}
		return open(client, triggerId, NewCutModal.next(now, channel, next)).map(Replies::couldNotOpenNextModal);
	}

	/**
	 * Opens the <em>Edit scope cut</em> modal for the cut's facilitator while it is open,
	 * whoever the payload says clicked.
	 * @return empty when it opened; otherwise what to tell the user privately: only the
	 * facilitator can edit, the cut is closed, or the modal could not be opened
	 */
	public static Optional<String> openEdit(CutEditService edits, Cut cut, String user, MethodsClient client,
			String triggerId) {
		Optional<EditResult> refused = edits.refusedEdit(cut, user);
		if (refused.isPresent()) {
			return Optional.of(Replies.edit(refused.get()));
		}
		return open(client, triggerId, EditCutModal.view(cut)).map(Replies::couldNotOpenEditModal);
	}

}
