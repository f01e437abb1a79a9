package dev.scopecut.slack;

import java.io.IOException;
import java.util.Optional;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotationException;
import com.slack.api.token_rotation.TokenRotator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.NotifyFailedException;
import dev.scopecut.app.RetryLaterException;

/**
 * The bot token of each workspace in multi-workspace mode, read from its installation on
 * every call (one Redis read, no cache), so an uninstall takes effect at once. A
 * workspace with no installation (never installed, uninstalled, revoked) has no token:
 * {@link NotifyFailedException}, and its background jobs are dropped rather than tried
 * forever. When the app uses token rotation, a token about to expire is refreshed first
 * and the new one saved, exactly as Bolt does for requests.
 */
class InstalledWorkspaceTokens implements WorkspaceTokens {

	static final String NOT_INSTALLED = "not_installed";

	private static final Logger log = LoggerFactory.getLogger(InstalledWorkspaceTokens.class);

	private final InstallationService installations;

	private final TokenRotator rotator;

	InstalledWorkspaceTokens(InstallationService installations, TokenRotator rotator) {
		this.installations = installations;
		this.rotator = rotator;
	}

	@Override
	public String botToken(String workspace) {
		Bot bot = this.installations.findBot(null, workspace);
		if (bot == null || bot.getBotAccessToken() == null) {
			throw new NotifyFailedException(NOT_INSTALLED);
		}
		if (bot.getBotRefreshToken() != null && bot.getBotTokenExpiresAt() != null) {
			rotated(bot).ifPresent((refreshed) -> {
				bot.setBotAccessToken(refreshed.getAccessToken());
				bot.setBotRefreshToken(refreshed.getRefreshToken());
				bot.setBotTokenExpiresAt(refreshed.getExpiresAt());
				try {
					this.installations.saveBot(bot);
				}
				catch (Exception ex) {
					// The new token still serves this call; the next one refreshes again.
					log.warn("The refreshed token of workspace {} was not saved: {}", workspace,
							ex.getClass().getSimpleName());
				}
			});
		}
		return bot.getBotAccessToken();
	}

	/**
	 * Refreshed when it expires soon; a Slack that cannot be reached is waited for, a
	 * refusal (revoked refresh token) is not.
	 */
	private Optional<RefreshedToken> rotated(Bot bot) {
		try {
			return this.rotator.performTokenRotation((current) -> current.accessToken(bot.getBotAccessToken())
				.refreshToken(bot.getBotRefreshToken())
				.expiresAt(bot.getBotTokenExpiresAt()));
		}
		catch (TokenRotationException ex) {
			if (ex.getCause() instanceof IOException) {
				throw new RetryLaterException("Slack unreachable while refreshing a token", SlackWebApi.DEFAULT_WAIT);
			}
			throw new NotifyFailedException("token_refresh_refused");
		}
	}

}
