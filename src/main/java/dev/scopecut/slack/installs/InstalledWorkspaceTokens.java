package dev.scopecut.slack.installs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scopecut.app.port.NotifyFailedException;
import dev.scopecut.app.port.RetryLaterException;
import dev.scopecut.app.port.TokenRefreshLocks;
import dev.scopecut.slack.outbound.SlackFailures;

/**
 * The bot of each workspace in multi-workspace mode, read from its installation on every
 * call (one Redis read, no cache), so an uninstall takes effect at once. A workspace with
 * no installation (never installed, uninstalled, revoked) has no token
 * ({@link NotifyFailedException}): its background jobs are dropped, not retried forever.
 * <p>
 * When the app uses token rotation, a token about to expire is refreshed first, by one
 * caller at a time across every instance, background jobs and Bolt's requests alike
 * ({@link BoltInstallations}): Slack replaces the refresh token on its first use, so a
 * second refresh with the old one is refused. The caller that takes the installation's
 * {@link TokenRefreshLocks lock} refreshes and saves; the others wait a moment and read
 * the new token from the installation. A refresh that fails for a passing reason (a 429,
 * a 5xx, Slack unreachable, one of Slack's transient errors) is a
 * {@link RetryLaterException}; only a refusal (a refresh token revoked or already used,
 * the app's credentials wrong) gives up.
 */
public class InstalledWorkspaceTokens {

	static final String NOT_INSTALLED = "not_installed";

	/** A token is refreshed this long before it expires, as Bolt does. */
	static final Duration REFRESH_AHEAD = Duration.ofHours(2);

	/**
	 * Longer than {@code oauth.v2.access} can take, so that no one else refreshes with
	 * the same refresh token meanwhile.
	 */
	static final Duration LOCK_LEASE = Duration.ofSeconds(30);

	/**
	 * How long a caller waits for another's refresh; a request must still be acknowledged
	 * within Slack's 3 seconds.
	 */
	static final Duration WAIT_FOR_REFRESH = Duration.ofSeconds(2);

	private static final long POLL_MILLIS = 50;

	/**
	 * The errors Slack documents as transient, for any method; any other error of a
	 * refresh will not go away by trying again.
	 */
	private static final Set<String> PASSING_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
			"service_unavailable", "request_timeout");

	private static final Logger log = LoggerFactory.getLogger(InstalledWorkspaceTokens.class);

	private final InstallationService installations;

	private final TokenRefreshLocks locks;

	private final MethodsClient methods;

	private final String clientId;

	private final String clientSecret;

	private final Clock clock;

	public InstalledWorkspaceTokens(InstallationService installations, TokenRefreshLocks locks, MethodsClient methods,
			String clientId, String clientSecret, Clock clock) {
		this.installations = installations;
		this.locks = locks;
		this.methods = methods;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.clock = clock;
	}

	/** The workspace's bot token for a background call: its {@link WorkspaceTokens}. */
	public String botToken(String workspace) {
		Bot bot = bot(null, workspace);
		if (bot == null || bot.getBotAccessToken() == null) {
			throw new NotifyFailedException(NOT_INSTALLED);
		}
		return bot.getBotAccessToken();
	}

	/**
	 * The installed bot serving the workspace, its token refreshed when it expires soon;
	 * null when there is none.
	 * @throws RetryLaterException when the refresh failed for a passing reason, or
	 * another caller's has not finished in time
	 * @throws NotifyFailedException when Slack refused the refresh for good
	 */
	Bot bot(String enterpriseId, String teamId) {
		Bot bot = this.installations.findBot(enterpriseId, teamId);
		long giveUpAt = this.clock.millis() + WAIT_FOR_REFRESH.toMillis();
		while (expiresSoon(bot)) {
			Optional<TokenRefreshLocks.Held> lock = this.locks.tryLock(installationOf(bot), LOCK_LEASE);
			if (lock.isPresent()) {
				try (TokenRefreshLocks.Held held = lock.get()) {
					// Read again: the last holder may have saved a new token meanwhile.
					Bot current = this.installations.findBot(enterpriseId, teamId);
					return expiresSoon(current) ? refreshed(current, enterpriseId, teamId) : current;
				}
			}
			if (this.clock.millis() >= giveUpAt) {
				throw new RetryLaterException("another refresh of the token has not finished", WAIT_FOR_REFRESH);
			}
			pause();
			bot = this.installations.findBot(enterpriseId, teamId);
		}
		return bot;
	}

	private boolean expiresSoon(Bot bot) {
		return bot != null && bot.getBotRefreshToken() != null && bot.getBotTokenExpiresAt() != null
				&& bot.getBotTokenExpiresAt() <= this.clock.millis() + REFRESH_AHEAD.toMillis();
	}

	/** An organisation-wide install's token is shared by all its workspaces. */
	private static String installationOf(Bot bot) {
		return Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) && bot.getEnterpriseId() != null
				? bot.getEnterpriseId() : bot.getTeamId();
	}

	/** Exchanges the bot's refresh token for a new token, and saves it. */
	private Bot refreshed(Bot bot, String enterpriseId, String teamId) {
		OAuthV2AccessResponse answer = exchange(bot.getBotRefreshToken());
		if (!answer.isOk()) {
			if (PASSING_ERRORS.contains(answer.getError())) {
				throw new RetryLaterException("Slack could not refresh a token: " + answer.getError(),
						SlackFailures.DEFAULT_WAIT);
			}
			// Refused, but someone may have refreshed without the lock (its lease lapsed
			// during a slow exchange): then their new token serves.
			Bot stored = this.installations.findBot(enterpriseId, teamId);
			if (stored != null && !Objects.equals(stored.getBotRefreshToken(), bot.getBotRefreshToken())) {
				return stored;
			}
			throw new NotifyFailedException(answer.getError());
		}
		bot.setBotAccessToken(answer.getAccessToken());
		bot.setBotRefreshToken(answer.getRefreshToken());
		bot.setBotTokenExpiresAt(this.clock.millis() + 1000L * Objects.requireNonNullElse(answer.getExpiresIn(), 0));
		try {
			this.installations.saveBot(bot);
		}
		catch (Exception ex) {
			// The new token still serves this call, but the refresh token it replaced is
			// spent: once it expires, the workspace must install again.
			log.warn("The refreshed token of installation {} was not saved: {}", installationOf(bot),
					ex.getClass().getSimpleName());
		}
		return bot;
	}

	/**
	 * Slack's answer to the refresh, when it gave one; a 429, a 5xx or no answer at all
	 * is a {@link RetryLaterException}, another HTTP status a refusal.
	 */
	private OAuthV2AccessResponse exchange(String refreshToken) {
		try {
			return this.methods.oauthV2Access((request) -> request.clientId(this.clientId)
				.clientSecret(this.clientSecret)
				.grantType("refresh_token")
				.refreshToken(refreshToken));
		}
		catch (IOException ex) {
			throw new RetryLaterException(
					"Slack unreachable while refreshing a token: " + ex.getClass().getSimpleName(),
					SlackFailures.DEFAULT_WAIT);
		}
		catch (SlackApiException ex) {
			throw SlackFailures.ofHttpStatus(ex.getResponse());
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RetryLaterException("interrupted while waiting for a token refresh", WAIT_FOR_REFRESH);
		}
	}

}
