package dev.scopecut.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Secrets no log line may show, distinctive enough to search for. Besides the signing
 * secret and the bot token, Slack puts its legacy verification token in every request
 * body, so a logged body would show that.
 */
final class Secrets {

	static final String SIGNING_SECRET = "sig-NEVER-LOG-4f2a";

	static final String BOT_TOKEN = "xoxb-NEVER-LOG-9c1e";

	static final String VERIFICATION_TOKEN = "vtok-NEVER-LOG-77d3";

	/** Multi-workspace mode: the app's client secret. */
	static final String CLIENT_SECRET = "csec-NEVER-LOG-1b8e";

	/** Multi-workspace mode: a bot token handed out by oauth.v2.access. */
	static final String INSTALLED_BOT_TOKEN = "xoxb-NEVER-LOG-inst";

	/** Shared by every value above; catches a secret cut short or partly masked too. */
	static final String MARK = "NEVER-LOG";

	private Secrets() {
	}

	/** The production environment variables that carry the secrets. */
	static Map<String, String> environment() {
		return Map.of("SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_BOT_TOKEN", BOT_TOKEN);
	}

	/** A request body as Slack sends it, carrying the verification token. */
	static String withVerificationToken(String body) {
		return body.replace("legacy-verification-token", VERIFICATION_TOKEN);
	}

	/** Fails, quoting only the offending lines, when any secret shows in the output. */
	static void assertNoneIn(String output, String where) {
		assertThat(output.lines().filter((line) -> line.contains(MARK))).as("lines of %s that show a secret", where)
			.isEmpty();
	}

}
