package dev.scopecut.slack.inbound;

import java.util.regex.Pattern;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.RequestReplays;
import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Serves a slash command or form submission once per trigger id. A signed request stays
 * valid for five minutes, so a copy of one (a proxy's log, a replay) would otherwise
 * start a second cut; Slack never sends one twice (it does not retry these), and gives
 * each its own trigger id. A repeat is acknowledged with 200 and nothing else. When Redis
 * cannot say, the request is served: it then meets the same outage and says so.
 */
public class TriggerReplays implements Middleware {

	/** What Slack's trigger ids look like; anything else is not remembered. */
	private static final Pattern TRIGGER_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private static final Logger log = LoggerFactory.getLogger(TriggerReplays.class);

	private final RequestReplays replays;

	public TriggerReplays(RequestReplays replays) {
		this.replays = replays;
	}

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		if (isRepeat(req)) {
			log.info("A {} with a trigger id already served was acknowledged and not acted on", req.getRequestType());
			return Response.ok();
		}
		return chain.next(req);
	}

	private boolean isRepeat(Request<?> req) {
		String triggerId = triggerId(req);
		String workspace = (req.getContext().getTeamId() != null) ? req.getContext().getTeamId()
				: req.getContext().getEnterpriseId();
		if (triggerId == null || workspace == null || !TRIGGER_ID.matcher(triggerId).matches()) {
			return false;
		}
		try {
			return !this.replays.isFirst(workspace, triggerId);
		}
		catch (StoreUnavailableException ex) {
			log.warn("A {} was not checked for replays: {}", req.getRequestType(), ex.getMessage());
			return false;
		}
	}

	private static String triggerId(Request<?> req) {
		if (req instanceof SlashCommandRequest command) {
			return command.getPayload().getTriggerId();
		}
		if (req instanceof ViewSubmissionRequest submission) {
			return submission.getPayload().getTriggerId();
		}
		return null;
	}

}
