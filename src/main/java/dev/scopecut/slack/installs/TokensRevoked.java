package dev.scopecut.slack.installs;

import java.util.List;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.model.event.TokensRevokedEvent;
import org.springframework.stereotype.Component;

import dev.scopecut.slack.inbound.EventDeduplication;
import dev.scopecut.slack.SlackListener;

/**
 * {@code tokens_revoked}: a revoked bot token deletes the workspace's bot installation
 * (its cuts' background jobs are then dropped); revoked user tokens delete those users'
 * installations. What is already gone is skipped, so a redelivered event is harmless.
 */
@Component
class TokensRevoked implements SlackListener, BoltEventHandler<TokensRevokedEvent> {

	private final InstallationService installations;

	private final EventDeduplication events;

	TokensRevoked(InstallationService installations, EventDeduplication events) {
		this.installations = installations;
		this.events = events;
	}

	@Override
	public void register(App app) {
		this.events.register(app, TokensRevokedEvent.class, this);
	}

	@Override
	public Response apply(EventsApiPayload<TokensRevokedEvent> event, EventContext ctx) {
		TokensRevokedEvent.Tokens tokens = (event.getEvent() != null) ? event.getEvent().getTokens() : null;
		if (tokens == null) {
			return ctx.ack();
		}
		return Installs.changed(() -> revoke(ctx.getEnterpriseId(), ctx.getTeamId(), tokens), ctx, "tokens_revoked");
	}

	private void revoke(String enterprise, String team, TokensRevokedEvent.Tokens tokens) throws Exception {
		for (String user : orEmpty(tokens.getOauth())) {
			Installer installer = this.installations.findInstaller(enterprise, team, user);
			if (installer != null) {
				this.installations.deleteInstaller(installer);
			}
		}
		if (!orEmpty(tokens.getBot()).isEmpty()) {
			Bot bot = this.installations.findBot(enterprise, team);
			if (bot != null) {
				this.installations.deleteBot(bot);
			}
		}
	}

	private static List<String> orEmpty(List<String> ids) {
		return (ids != null) ? ids : List.of();
	}

}
