package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What "Add to Slack" asks for is what manifest.yml declares, and the manifest sends
 * Slack's browser back to the redirect endpoint and Scopecut the events it listens to,
 * with the Home tab on and the scopes reminders need.
 */
class ManifestScopesTests {

	@Test
	@SuppressWarnings("unchecked")
	void theInstallAsksForTheManifestsBotScopesAndTheManifestDeclaresTheRedirectAndEvents() throws IOException {
		Map<String, Object> manifest;
		try (Reader reader = Files.newBufferedReader(Path.of("manifest.yml"))) {
			manifest = new Yaml().load(reader);
		}
		Map<String, Object> oauth = (Map<String, Object>) manifest.get("oauth_config");
		List<String> botScopes = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
		Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) manifest.get("settings"))
			.get("event_subscriptions");

		assertThat(Arrays.asList(SlackConfig.BOT_SCOPES.split(","))).containsExactlyInAnyOrderElementsOf(botScopes);
		assertThat((List<String>) oauth.get("redirect_urls")).containsExactly("https://YOUR-HOST/slack/oauth_redirect");
		assertThat((List<String>) events.get("bot_events")).containsExactlyInAnyOrder("app_home_opened",
				"app_uninstalled", "tokens_revoked");
		Map<String, Object> home = (Map<String, Object>) ((Map<String, Object>) manifest.get("features"))
			.get("app_home");
		assertThat(home).containsEntry("home_tab_enabled", true);
		assertThat(botScopes).contains("im:write", "users:read");
	}

}
