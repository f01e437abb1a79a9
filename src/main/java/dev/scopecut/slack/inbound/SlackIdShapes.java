package dev.scopecut.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, before any listener runs, a command, click or form submission whose user,
 * workspace or channel is not shaped as a Slack id (empty, a number, a NUL, 5,000
 * characters): Slack never sends one, and a listener would store it as a voter or a
 * facilitator. Answered 400, as any other malformed payload, with nothing stored.
 */
public class SlackIdShapes implements Middleware {

	private static final Logger log = LoggerFactory.getLogger(SlackIdShapes.class);

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		if (!hasSlackIds(req)) {
			log.info("Refused a {} whose ids are not shaped as Slack's", req.getRequestType());
			return BadRequest.response("ids");
		}
		return chain.next(req);
	}

	private static boolean hasSlackIds(Request<?> req) {
		if (req instanceof SlashCommandRequest command) {
			SlashCommandPayload payload = command.getPayload();
			return SlackIds.isUser(payload.getUserId()) && SlackIds.isTeamOrNone(payload.getTeamId())
					&& SlackIds.isChannelOrNone(payload.getChannelId());
		}
		if (req instanceof BlockActionRequest action) {
			BlockActionPayload payload = action.getPayload();
			return payload.getUser() != null && SlackIds.isUser(payload.getUser().getId())
					&& (payload.getTeam() == null || SlackIds.isTeamOrNone(payload.getTeam().getId()))
					&& (payload.getChannel() == null || SlackIds.isChannelOrNone(payload.getChannel().getId()));
		}
		if (req instanceof ViewSubmissionRequest submission) {
			ViewSubmissionPayload payload = submission.getPayload();
			return payload.getUser() != null && SlackIds.isUser(payload.getUser().getId())
					&& (payload.getTeam() == null || SlackIds.isTeamOrNone(payload.getTeam().getId()));
		}
		String user = req.getContext().getRequestUserId();
		return user == null || SlackIds.isUser(user);
	}

}
