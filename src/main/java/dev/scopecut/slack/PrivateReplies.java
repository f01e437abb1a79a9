package dev.scopecut.slack;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Sends a private (ephemeral) reply to whoever clicked, through the click's response URL,
 * after the click has been acknowledged. Response URLs are not bound by the Web API's
 * rate tiers, so a flood of votes does not starve the message updates.
 */
@Component
public class PrivateReplies {

	private static final Logger log = LoggerFactory.getLogger(PrivateReplies.class);

	private final Slack slack;

	private final Executor executor;

	PrivateReplies(Slack slack, @Qualifier("replyExecutor") Executor executor) {
		this.slack = slack;
		this.executor = executor;
	}

	public void send(String responseUrl, String text) {
		send(responseUrl, text, null);
	}

	/** A private reply with blocks; the message's text is the notification fallback. */
	public void send(String responseUrl, SlackMessage message) {
		send(responseUrl, message.text(), message.blocks());
	}

	private void send(String responseUrl, String text, List<LayoutBlock> blocks) {
		if (responseUrl == null) {
			return;
		}
		try {
			this.executor.execute(() -> post(responseUrl, text, blocks));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Private reply dropped: the reply queue is full");
		}
	}

	private void post(String responseUrl, String text, List<LayoutBlock> blocks) {
		try {
			ActionResponse reply = ActionResponse.builder()
				.responseType("ephemeral")
				.replaceOriginal(false)
				.text(text)
				.blocks(blocks)
				.build();
			// Written with the shared Gson: Bolt's Responder builds a new Gson per reply.
			this.slack.send(responseUrl, SlackJson.GSON.toJson(reply));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Private reply not delivered: {}", ex.getClass().getSimpleName());
		}
	}

}
