package dev.scopecut.slack.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import okhttp3.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.CutNotifier;
import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.cut.Cut;
import dev.scopecut.slack.SlackJson;
import dev.scopecut.slack.blocks.CutMessage;
import dev.scopecut.slack.blocks.SlackMessage;

/**
 * Posts and updates cut messages through the Web API. How often is not decided here: the
 * job queue spaces updates a second apart per cut. A 429 becomes a
 * {@link RetryLaterException} carrying Slack's Retry-After, so the job waits exactly as
 * told and then runs again; and since Slack's limits are per workspace, not per cut, the
 * other cuts of the workspace wait it out too instead of each drawing a 429 of its own
 * ({@link SharedRetryAfterWebApi}).
 * <p>
 * The calls go through {@link SlackWebApi}, with the SDK's own request and answer types.
 */
@Component
class SlackCutNotifier implements CutNotifier {

	/**
	 * A channel with more members than this (bots included) is not counted: the cut says
	 * "N voted".
	 */
	static final int MEMBERS_MAX = 500;

	private static final int MEMBERS_PAGE = 200;

	private static final Logger log = LoggerFactory.getLogger(SlackCutNotifier.class);

	private final SharedRetryAfterWebApi api;

	private final SlackPeople people;

	SlackCutNotifier(SharedRetryAfterWebApi api, SlackPeople people) {
		this.api = api;
		this.people = people;
	}

	/**
	 * Reads the channel's members with {@code conversations.members}, a page of 200 at a
	 * time, then leaves out bots, deleted users and Slackbot with {@link SlackPeople}
	 * (cached, else {@code users.info} or {@code users.list}). Slack refusing (a missing
	 * scope, the bot not in the channel) is logged with its error code only, and the cut
	 * is not counted; Slack failing or asking to wait is the caller's to retry.
	 */
	@Override
	public Optional<List<String>> members(Cut cut) {
		try {
			List<String> members = new ArrayList<>();
			String cursor = "";
			do {
				FormBody.Builder form = new FormBody.Builder().add("channel", cut.channel())
					.add("limit", Integer.toString(MEMBERS_PAGE));
				if (!cursor.isEmpty()) {
					form.add("cursor", cursor);
				}
				ConversationsMembersResponse page = call(cut, "conversations.members", form,
						ConversationsMembersResponse.class);
				if (page.getMembers() != null) {
					members.addAll(page.getMembers());
				}
				if (members.size() > MEMBERS_MAX) {
					log.info("The channel of cut {} has more than {} members; it is not counted", cut.ref().id(),
							MEMBERS_MAX);
					return Optional.empty();
				}
				cursor = (page.getResponseMetadata() != null) ? page.getResponseMetadata().getNextCursor() : null;
			}
			while (cursor != null && !cursor.isEmpty());
			List<String> humans = this.people.humans(cut.ref().workspace(), members);
			return Optional.of(humans);
		}
		catch (NotifyFailedException ex) {
			log.warn("Could not read the members of the channel of cut {} ({}); it counts who voted only",
					cut.ref().id(), ex.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public String post(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		return call(cut, "chat.postMessage", message(cut, CutMessage.render(snapshot)), ChatPostMessageResponse.class)
			.getTs();
	}

	@Override
	public void update(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		FormBody.Builder form = message(cut, CutMessage.render(snapshot)).add("ts", cut.messageTs());
		call(cut, "chat.update", form, ChatUpdateResponse.class);
	}

	@Override
	public String announce(CutSnapshot snapshot) {
		Cut cut = snapshot.cut();
		return call(cut, "chat.postMessage", message(cut, CutMessage.announcement(snapshot)),
				ChatPostMessageResponse.class)
			.getTs();
	}

	private static FormBody.Builder message(Cut cut, SlackMessage message) {
		return new FormBody.Builder().add("channel", cut.channel())
			.add("text", message.text())
			.add("blocks", SlackJson.GSON.toJson(message.blocks()));
	}

	private <T extends SlackApiTextResponse> T call(Cut cut, String method, FormBody.Builder form, Class<T> type) {
		return this.api.call(cut.ref().workspace(), method, form, type);
	}

}
