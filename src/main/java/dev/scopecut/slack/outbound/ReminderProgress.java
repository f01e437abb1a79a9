package dev.scopecut.slack.outbound;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.CutService;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.slack.outbound.PrivateReplies.Reply;
import dev.scopecut.slack.blocks.ReminderMessage;

/**
 * Keeps a reminder up to date after a vote cast from it: the direct message is replaced,
 * through the click's response URL, by the reminder drawn again from the cut and the
 * voter's choices as they are now (items left, every item voted on, or the cut closed).
 * The reading happens on the reply executor, after the click is acknowledged, and only
 * for clicks made in a reminder: a vote on the cut's message costs nothing more.
 */
@Component
public class ReminderProgress {

	private static final Logger log = LoggerFactory.getLogger(ReminderProgress.class);

	private final CutService cuts;

	private final Permalinks permalinks;

	private final PrivateReplies replies;

	ReminderProgress(CutService cuts, Permalinks permalinks, PrivateReplies replies) {
		this.cuts = cuts;
		this.permalinks = permalinks;
		this.replies = replies;
	}

	/**
	 * Replaces the reminder clicked; when the cut cannot be read (gone, or the store
	 * down), sends {@code confirmation} privately instead, as a click on the cut's
	 * message gets.
	 */
	public void redraw(String responseUrl, CutRef ref, String voter, String confirmation) {
		this.replies.send(responseUrl, () -> reply(ref, voter, confirmation));
	}

	private Reply reply(CutRef ref, String voter, String confirmation) {
		try {
			Optional<VoterChoices> mine = this.cuts.choicesOf(ref, voter);
			if (mine.isPresent()) {
				Cut cut = mine.get().cut();
				return Reply.replacing(ReminderMessage.render(cut, mine.get().choices(), this.permalinks.of(cut)));
			}
		}
		catch (StoreUnavailableException ex) {
			log.warn("Reminder not redrawn: {}", ex.getMessage());
		}
		return Reply.privately(confirmation);
	}

}
