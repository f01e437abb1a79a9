package dev.scopecut.slack;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.slack.api.Slack;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import okhttp3.FormBody;
import org.springframework.stereotype.Component;

import dev.scopecut.app.NotifyFailedException;
import dev.scopecut.app.ReminderNotifier;
import dev.scopecut.app.VoterChoices;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.blocks.ReminderMessage;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Reminders by direct message: {@code users.info} for the recipient's time zone,
 * {@code conversations.open} for the direct-message channel with them, then
 * {@code chat.postMessage}. Pacing is the job queue's (one person's job
 * {@link dev.scopecut.app.Reminders#PACE} after another's); a 429 comes back as a
 * {@link dev.scopecut.app.RetryLaterException} with its Retry-After.
 */
@Component
class SlackReminders implements ReminderNotifier {

	private final SlackWebApi api;

	private final Permalinks permalinks;

	SlackReminders(Slack slack, WorkspaceTokens tokens, Permalinks permalinks) {
		this.api = new SlackWebApi(slack, tokens);
		this.permalinks = permalinks;
	}

	@Override
	public ZoneId timeZone(String workspace, String user) {
		User found = this.api
			.call(workspace, "users.info", new FormBody.Builder().add("user", user), UsersInfoResponse.class)
			.getUser();
		if (found == null || found.getTz() == null) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(found.getTz());
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
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
		this.api.call(workspace, "chat.postMessage",
				new FormBody.Builder().add("channel", opened.getChannel().getId())
					.add("text", message.text())
					.add("blocks", SlackJson.GSON.toJson(message.blocks())),
				ChatPostMessageResponse.class);
	}

}
