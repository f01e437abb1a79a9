package dev.scopecut.slack.installs;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an event's change to the stored installations and answers Slack: 200 once it is
 * done, 503 when it could not be (Redis away) so that Slack delivers the event again.
 */
final class Installs {

	private static final Logger log = LoggerFactory.getLogger(Installs.class);

	/** A change to the installations, which Bolt's interface lets throw anything. */
	interface Change {

		void apply() throws Exception;

	}

	private Installs() {
	}

	static Response changed(Change change, EventContext ctx, String event) {
		try {
			change.apply();
			log.info("{}: installation of workspace {} (organisation {}) removed", event, ctx.getTeamId(),
					ctx.getEnterpriseId());
			return ctx.ack();
		}
		catch (Exception ex) {
			log.warn("{} for workspace {} not applied, Slack will deliver it again: {}", event, ctx.getTeamId(),
					ex.getClass().getSimpleName());
			return Response.builder().statusCode(503).build();
		}
	}

}
