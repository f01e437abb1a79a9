package dev.scopecut.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches the sandbox on, before the Slack settings are bound, by supplying them: a fake
 * bot token, a random signing secret and a Web API URL pointing at the sandbox. The Slack
 * adapter then sees an ordinary single-workspace configuration and runs its production
 * code paths.
 * <p>
 * {@code SCOPECUT_SANDBOX=true} asks for it; {@code auto} (what
 * {@code ./mvnw spring-boot:test-run} sets when no Slack variable is) takes it when no
 * Slack credential is configured. Either way, any real credential keeps it off, with a
 * warning when it was asked for: a production configuration never talks to the sandbox.
 */
class SandboxEnvironment implements EnvironmentPostProcessor {

	/** {@code SCOPECUT_SANDBOX}: {@code true}, {@code auto}, or anything else for off. */
	static final String SWITCH = "scopecut.sandbox";

	/** Set by this class only, when the sandbox runs. */
	static final String ENABLED = "scopecut.sandbox.enabled";

	static final String SIGNING_SECRET = "scopecut.sandbox.signing-secret";

	static final String BOT_TOKEN = "xoxb-sandbox";

	private static final List<String> CREDENTIALS = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
			"SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "scopecut.slack.bot-token",
			"scopecut.slack.signing-secret", "scopecut.slack.app-token", "scopecut.slack.client-id",
			"scopecut.slack.client-secret");

	private final Log log;

	SandboxEnvironment(DeferredLogFactory logs) {
		this.log = logs.getLog(SandboxEnvironment.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String wanted = environment.getProperty(SWITCH, "false").strip().toLowerCase(Locale.ROOT);
		if (!wanted.equals("true") && !wanted.equals("auto")) {
			return;
		}
		List<String> credentials = CREDENTIALS.stream().filter((name) -> isSet(environment, name)).toList();
		if (!credentials.isEmpty()) {
			if (wanted.equals("true")) {
				this.log.warn("Sandbox off: SCOPECUT_SANDBOX=true is ignored because Slack credentials are set ("
						+ String.join(", ", credentials) + "); Scopecut talks to the real Slack");
			}
			return;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(ENABLED, "true");
		String secret = randomSecret();
		settings.put(SIGNING_SECRET, secret);
		settings.put("scopecut.slack.signing-secret", secret);
		settings.put("scopecut.slack.bot-token", BOT_TOKEN);
		// Resolved as the Slack settings bind: a port from any later source counts.
		settings.put("scopecut.slack.api-url", "http://localhost:${server.port:3000}/sandbox/api/");
		environment.getPropertySources().addFirst(new MapPropertySource("scopecutSandbox", settings));
	}

	private static boolean isSet(ConfigurableEnvironment environment, String name) {
		String value = environment.getProperty(name);
		return value != null && !value.isBlank();
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
