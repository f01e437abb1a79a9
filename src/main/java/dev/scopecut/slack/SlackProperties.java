package dev.scopecut.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, bound once from the environment (see application.yml for the variable
 * each comes from). Blank means unset. Secrets never appear in {@link #toString()}.
 *
 * @param signingSecret verifies that requests come from Slack (HTTP mode)
 * @param botToken the bot token of a single-workspace install
 * @param appToken when set, Socket Mode: Scopecut connects out to Slack and needs no
 * public URL
 * @param apiUrl the Web API base URL
 */
@ConfigurationProperties("scopecut.slack")
public record SlackProperties(String signingSecret, String botToken, String appToken,
		@DefaultValue("https://slack.com/api/") String apiUrl) {

	public SlackProperties {
		signingSecret = blankToNull(signingSecret);
		botToken = blankToNull(botToken);
		appToken = blankToNull(appToken);
		apiUrl = (apiUrl == null || apiUrl.isBlank()) ? "https://slack.com/api/" : apiUrl.strip();
		if (!apiUrl.endsWith("/")) {
			apiUrl = apiUrl + "/";
		}
		if (botToken == null) {
			throw new MissingSettingException("SLACK_BOT_TOKEN", "the bot token (xoxb-…) from the app's OAuth page");
		}
		if (appToken == null && signingSecret == null) {
			throw new MissingSettingException("SLACK_SIGNING_SECRET",
					"the signing secret from the app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)");
		}
	}

	public boolean socketMode() {
		return this.appToken != null;
	}

	@Override
	public String toString() {
		return "SlackProperties[apiUrl=%s, socketMode=%s, secrets hidden]".formatted(this.apiUrl, socketMode());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
