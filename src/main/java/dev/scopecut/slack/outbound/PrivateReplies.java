package dev.scopecut.slack.outbound;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.Metrics;
import dev.scopecut.slack.SlackJson;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Sends a private (ephemeral) reply to whoever clicked, through the click's response URL,
 * after the click has been acknowledged; or replaces the message clicked, which only that
 * person sees in their direct messages. Response URLs are not bound by the Web API's rate
 * tiers, so a flood of votes does not starve the message updates.
 */
@Component
public class PrivateReplies {

	private static final Logger log = LoggerFactory.getLogger(PrivateReplies.class);

	private final Slack slack;

	private final Executor executor;

	private final Metrics metrics;

	PrivateReplies(Slack slack, @Qualifier("replyExecutor") Executor executor, Metrics metrics) {
		this.slack = slack;
		this.executor = executor;
		this.metrics = metrics;
	}

	public void send(String responseUrl, String text) {
		send(responseUrl, text, null);
	}

	/** A private reply with blocks; the message's text is the notification fallback. */
	public void send(String responseUrl, SlackMessage message) {
		send(responseUrl, message.text(), message.blocks());
	}

	/**
	 * Replaces the message clicked with the one {@code reply} makes, or sends it
	 * privately when it is {@link Reply#replacing() not replacing}; {@code reply} runs on
	 * the reply executor, after the acknowledgement, so what it reads does not delay the
	 * click.
	 */
	void send(String responseUrl, Supplier<Reply> reply) {
		later(responseUrl, () -> {
			Reply made = reply.get();
			post(responseUrl, made.replacing(), made.text(), made.blocks());
		});
	}

	private void send(String responseUrl, String text, List<LayoutBlock> blocks) {
		later(responseUrl, () -> post(responseUrl, false, text, blocks));
	}

	private void later(String responseUrl, Runnable post) {
		if (responseUrl == null) {
			return;
		}
		try {
			this.executor.execute(post);
		}
		catch (RejectedExecutionException ex) {
			this.metrics.privateReply(Metrics.ReplyOutcome.SHED);
			log.warn("Private reply dropped: the reply queue is full");
		}
	}

	private void post(String responseUrl, boolean replacing, String text, List<LayoutBlock> blocks) {
		try {
			ActionResponse reply = ActionResponse.builder()
				.responseType(replacing ? null : "ephemeral")
				.replaceOriginal(replacing)
				.text(text)
				.blocks(blocks)
				.build();
			// Written with the shared Gson: Bolt's Responder builds a new Gson per reply.
			this.slack.send(responseUrl, SlackJson.GSON.toJson(reply));
			this.metrics.privateReply(Metrics.ReplyOutcome.SENT);
		}
		catch (IOException | RuntimeException ex) {
			this.metrics.privateReply(Metrics.ReplyOutcome.FAILED);
			log.warn("Private reply not delivered: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * What to answer a click with.
	 *
	 * @param blocks null for text alone
	 * @param replacing whether it replaces the message clicked, rather than following it
	 * privately
	 */
	record Reply(String text, List<LayoutBlock> blocks, boolean replacing) {

		static Reply replacing(SlackMessage message) {
			return new Reply(message.text(), message.blocks(), true);
		}

		static Reply privately(String text) {
			return new Reply(text, null, false);
		}

	}

}
