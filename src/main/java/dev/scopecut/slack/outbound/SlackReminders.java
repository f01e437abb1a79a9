package dev.scopecut.slack.outbound;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import okhttp3.FormBody;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.ReminderNotifier;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.VoterChoices;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.SlackJson;
import dev.scopecut.slack.blocks.ReminderMessage;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Reminders by direct message: the recipient's time zone (kept for a day in the people
 * cache, else {@code users.info}), {@code conversations.open} for the direct-message
 * channel with them, then {@code chat.postMessage}. Pacing is the workspace's
 * {@link dev.scopecut.app.port.ReminderPace}; a 429 comes back as a
 * {@link RetryLaterException} with its Retry-After, and holds that method off for every
 * reminder of the workspace until it is over ({@link SharedRetryAfterWebApi}); a post
 * whose outcome is unknown (a 5xx, a connection lost after sending) is not tried again.
 */
@Component
class SlackReminders implements ReminderNotifier {

	private final SharedRetryAfterWebApi api;

	private final WorkspaceTokens tokens;

	private final Permalinks permalinks;

	private final SlackPeople people;

	SlackReminders(SharedRetryAfterWebApi api, WorkspaceTokens tokens, Permalinks permalinks, SlackPeople people) {
		this.api = api;
		this.tokens = tokens;
		this.permalinks = permalinks;
		this.people = people;
	}

	/** One read of the workspace's installation: without a bot, no token. */
	@Override
	public void requireReachable(String workspace) {
		this.tokens.botToken(workspace);
	}

	/** From the people cache, else {@code users.info}: see {@link SlackPeople}. */
	@Override
	public ZoneId timeZone(String workspace, String user) {
		return this.people.timeZone(workspace, user);
	}

	/** From the people cache alone. */
	@Override
	public Map<String, ZoneId> knownTimeZones(String workspace, Collection<String> users) {
		return this.people.knownTimeZones(workspace, users);
	}

	@Override
	public void remind(VoterChoices voter, String user) {
		Cut cut = voter.cut();
		String workspace = cut.ref().workspace();
		ConversationsOpenResponse opened = this.api.call(workspace, "conversations.open",
				new FormBody.Builder().add("users", user), ConversationsOpenResponse.class);
		if (opened.getChannel() == null || opened.getChannel().getId() == null) {
			throw new NotifyFailedException("no_direct_message_channel");
		}
		SlackMessage message = ReminderMessage.render(cut, voter.choices(), this.permalinks.of(cut));
		try {
			this.api.call(workspace, "chat.postMessage",
					new FormBody.Builder().add("channel", opened.getChannel().getId())
						.add("text", message.text())
						.add("blocks", SlackJson.GSON.toJson(message.blocks())),
					ChatPostMessageResponse.class);
		}
		catch (SlackFailures.RateLimited ex) {
			throw ex;
		}
		catch (RetryLaterException ex) {
			// A 5xx or a connection lost after sending: the message may have been posted.
			// Reminders are at most once, so this one is not sent again.
			throw new NotifyFailedException("post_outcome_unknown");
		}
	}

}
