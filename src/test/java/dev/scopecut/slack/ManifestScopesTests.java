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
 * Slack's browser back to the redirect endpoint and Scopecut the lifecycle events.
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
		assertThat((List<String>) events.get("bot_events")).contains("app_uninstalled", "tokens_revoked");
	}

}
