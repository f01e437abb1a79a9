package dev.scopecut.slack.installs;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.model.event.AppUninstalledEvent;
import org.springframework.stereotype.Component;

import dev.scopecut.slack.inbound.EventDeduplication;
import dev.scopecut.slack.SlackListener;

/**
 * {@code app_uninstalled}: the workspace's installation (bot and installers) is deleted,
 * so its cuts' background jobs find no token and are dropped. Deleting twice deletes
 * nothing more, so a redelivered event is harmless. Bolt lets this event through without
 * a token, since the workspace's token no longer works.
 */
@Component
class AppUninstalled implements SlackListener, BoltEventHandler<AppUninstalledEvent> {

	private final InstallationService installations;

	private final EventDeduplication events;

	AppUninstalled(InstallationService installations, EventDeduplication events) {
		this.installations = installations;
		this.events = events;
	}

	@Override
	public void register(App app) {
		this.events.register(app, AppUninstalledEvent.class, this);
	}

	@Override
	public Response apply(EventsApiPayload<AppUninstalledEvent> event, EventContext ctx) {
		return Installs.changed(() -> this.installations.deleteAll(ctx.getEnterpriseId(), ctx.getTeamId()), ctx,
				"app_uninstalled");
	}

}
