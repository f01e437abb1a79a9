package dev.scopecut.slack;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.CutService;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.blocks.Replies;

/**
 * Posts a new cut's message after the acknowledgement, for the quick start and the
 * <em>New scope cut</em> form alike. When it cannot be posted, Slack's error or the
 * store's trouble goes to the log, and the facilitator gets a plain sentence: what
 * happened, what is kept, what to do.
 */
public final class NewCutPost {

	private static final Logger log = LoggerFactory.getLogger(NewCutPost.class);

	private NewCutPost() {
	}

	/**
	 * Posts the cut on {@code executor}, after the acknowledgement, telling the
	 * facilitator when it was not posted. A full queue withdraws the cut before it is
	 * refused to the caller, so that "try again" does not leave an unseen cut open.
	 * @throws RejectedExecutionException when the queue is full
	 */
	public static void postAfterAck(Executor executor, CutService cuts, Cut cut, Consumer<String> tell) {
		try {
			executor.execute(() -> post(cuts, cut).ifPresent(tell));
		}
		catch (RejectedExecutionException ex) {
			cuts.withdraw(cut);
			throw ex;
		}
	}

	/**
	 * @return what to tell the facilitator when the cut was not posted
	 */
	public static Optional<String> post(CutService cuts, Cut cut) {
		try {
			cuts.publish(cut);
			return Optional.empty();
		}
		catch (NotifyFailedException ex) {
			log.warn("Cut {} not posted and cancelled: Slack refused its message ({})", cut.ref().id(), ex.getReason());
			return Optional.of(Replies.notPosted(cut, ex.getReason()));
		}
		catch (RetryLaterException ex) {
			log.warn("Cut {} not posted and cancelled: {}", cut.ref().id(), ex.getMessage());
			return Optional.of(Replies.notPostedJustNow(cut));
		}
		catch (StoreUnavailableException ex) {
			log.warn("Cut {} perhaps not posted: the store did not answer ({})", cut.ref().id(), ex.getMessage());
			return Optional.of(Replies.perhapsNotPosted(cut));
		}
	}

}
