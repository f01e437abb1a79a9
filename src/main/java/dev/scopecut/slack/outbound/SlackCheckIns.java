package dev.scopecut.slack.outbound;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import okhttp3.FormBody;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.CheckInNotifier;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.SlackJson;
import dev.scopecut.slack.blocks.CheckInMessage;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Check-ins through the Web API, as reminders go: the facilitator's time zone from the
 * people cache (else {@code users.info}), {@code conversations.open} for the direct
 * message, then {@code chat.postMessage}; the answer as a {@code chat.postMessage} with
 * {@code thread_ts}, and the asking message redrawn with {@code chat.update}. A 429 comes
 * back as a {@link RetryLaterException} with its Retry-After; an ask whose post may have
 * gone (a 5xx) is not sent again.
 */
@Component
class SlackCheckIns implements CheckInNotifier {

	private final SharedRetryAfterWebApi api;

	private final Permalinks permalinks;

	private final SlackPeople people;

	SlackCheckIns(SharedRetryAfterWebApi api, Permalinks permalinks, SlackPeople people) {
		this.api = api;
		this.permalinks = permalinks;
		this.people = people;
	}

	@Override
	public ZoneId timeZone(String workspace, String user) {
		return this.people.timeZone(workspace, user);
	}

	@Override
	public ZoneId knownTimeZone(String workspace, String user) {
		return this.people.knownTimeZones(workspace, List.of(user)).getOrDefault(user, ZoneOffset.UTC);
	}

	@Override
	public Posted ask(Cut cut) {
		String workspace = cut.ref().workspace();
		ConversationsOpenResponse opened = this.api.call(workspace, "conversations.open",
				new FormBody.Builder().add("users", cut.facilitator()), ConversationsOpenResponse.class);
		if (opened.getChannel() == null || opened.getChannel().getId() == null) {
			throw new NotifyFailedException("no_direct_message_channel");
		}
		String channel = opened.getChannel().getId();
		try {
			ChatPostMessageResponse posted = this.api.call(workspace, "chat.postMessage",
					message(CheckInMessage.ask(cut, this.permalinks.of(cut))).add("channel", channel),
					ChatPostMessageResponse.class);
			return new Posted(channel, posted.getTs());
		}
		catch (SlackFailures.RateLimited ex) {
			throw ex;
		}
		catch (RetryLaterException ex) {
			// A 5xx or a connection lost after sending: the message may have been posted.
			throw new NotifyFailedException("post_outcome_unknown");
		}
	}

	@Override
	public void reply(Cut cut, String threadTs) {
		this.api.call(cut.ref().workspace(), "chat.postMessage",
				message(CheckInMessage.reply(cut)).add("channel", cut.channel()).add("thread_ts", threadTs),
				ChatPostMessageResponse.class);
	}

	@Override
	public void redraw(Cut cut, Posted ask) {
		this.api.call(cut.ref().workspace(), "chat.update",
				message(CheckInMessage.redrawn(cut)).add("channel", ask.channel()).add("ts", ask.ts()),
				ChatUpdateResponse.class);
	}

	private static FormBody.Builder message(SlackMessage message) {
		return new FormBody.Builder().add("text", message.text())
			.add("blocks", SlackJson.GSON.toJson(message.blocks()));
	}

}
