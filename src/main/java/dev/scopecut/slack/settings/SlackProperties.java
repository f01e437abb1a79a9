package dev.scopecut.slack.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, bound once from the environment (see application.yml for the variable
 * each comes from). Blank means unset. Secrets never appear in {@link #toString()}.
 * <p>
 * Exactly one of two modes: a bot token means one workspace; a client id and secret mean
 * any number of workspaces, each installed through "Add to Slack" with its installation
 * kept in Redis. Both at once is refused rather than guessed at: a leftover bot token
 * would otherwise speak for a workspace it does not belong to.
 *
 * @param signingSecret verifies that requests come from Slack (HTTP mode)
 * @param botToken the bot token of a single-workspace install
 * @param appToken when set, Socket Mode: Scopecut connects out to Slack and needs no
 * public URL
 * @param clientId with the client secret, multi-workspace mode (OAuth installs)
 * @param clientSecret with the client id, multi-workspace mode
 * @param apiUrl the Web API base URL
 */
@ConfigurationProperties("scopecut.slack")
public record SlackProperties(String signingSecret, String botToken, String appToken, String clientId,
		String clientSecret, @DefaultValue("https://slack.com/api/") String apiUrl) {

	static final String BOTH_MODES = "SLACK_BOT_TOKEN and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET are both set.";

	public SlackProperties {
		signingSecret = blankToNull(signingSecret);
		botToken = blankToNull(botToken);
		appToken = blankToNull(appToken);
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		apiUrl = (apiUrl == null || apiUrl.isBlank()) ? "https://slack.com/api/" : apiUrl.strip();
		if (!apiUrl.endsWith("/")) {
			apiUrl = apiUrl + "/";
		}
		checkMode(botToken, clientId, clientSecret);
		if (appToken == null && signingSecret == null) {
			throw new MissingSettingException("SLACK_SIGNING_SECRET",
					"the signing secret from the app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)");
		}
	}

	private static void checkMode(String botToken, String clientId, String clientSecret) {
		boolean oauth = clientId != null || clientSecret != null;
		if (botToken != null && oauth) {
			throw new SettingsException(BOTH_MODES,
					"Unset SLACK_BOT_TOKEN to serve many workspaces through Add to Slack, or unset SLACK_CLIENT_ID and "
							+ "SLACK_CLIENT_SECRET to serve the one workspace of the bot token.");
		}
		if (clientId != null && clientSecret == null) {
			throw new MissingSettingException("SLACK_CLIENT_SECRET",
					"the client secret from the app's Basic Information page (SLACK_CLIENT_ID is set, so Scopecut "
							+ "serves many workspaces)");
		}
		if (clientSecret != null && clientId == null) {
			throw new MissingSettingException("SLACK_CLIENT_ID",
					"the client id from the app's Basic Information page (SLACK_CLIENT_SECRET is set, so Scopecut "
							+ "serves many workspaces)");
		}
		if (botToken == null && !oauth) {
			throw new SettingsException("no Slack workspace is configured.",
					"Set SLACK_BOT_TOKEN (xoxb-…) for one workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for "
							+ "any number of workspaces installed through Add to Slack; or SCOPECUT_SANDBOX=true to try "
							+ "Scopecut in the browser with no Slack at all.");
		}
	}

	public boolean socketMode() {
		return this.appToken != null;
	}

	/**
	 * True when workspaces install Scopecut through OAuth and each request uses its
	 * workspace's own token; false for the one workspace of {@link #botToken()}.
	 */
	public boolean multiWorkspace() {
		return this.clientId != null;
	}

	@Override
	public String toString() {
		return "SlackProperties[apiUrl=%s, socketMode=%s, multiWorkspace=%s, secrets hidden]".formatted(this.apiUrl,
				socketMode(), multiWorkspace());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
