package dev.scopecut.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.scopecut.ScopecutApplication;

@ExtendWith(OutputCaptureExtension.class)
class SlackSettingsTests {

	@Test
	void aMissingBotTokenStopsStartUpWithOneLineNamingTheVariable(CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(ScopecutApplication.class, "--server.port=0",
				"--scopecut.slack.bot-token=", "--scopecut.slack.signing-secret=s3cret-value"))
			.isInstanceOf(Exception.class);

		assertThat(output).contains("Scopecut cannot start: SLACK_BOT_TOKEN is not set.")
			.contains("Set SLACK_BOT_TOKEN: the bot token")
			.doesNotContain("s3cret-value");
	}

	@Test
	void httpModeNeedsTheSigningSecretAndSocketModeDoesNot() {
		assertThatThrownBy(() -> new SlackProperties(null, "xoxb-1", null, null))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageContaining("SLACK_SIGNING_SECRET");

		SlackProperties socketMode = new SlackProperties(" ", "xoxb-1", "xapp-1", null);

		assertThat(socketMode.socketMode()).isTrue();
		assertThat(socketMode.signingSecret()).isNull();
		assertThat(socketMode.apiUrl()).isEqualTo("https://slack.com/api/");
	}

	@Test
	void theApiUrlGetsItsTrailingSlashAndSecretsNeverPrint() {
		SlackProperties properties = new SlackProperties("signing-secret", "xoxb-secret-token", null,
				"http://localhost:9999/api");

		assertThat(properties.apiUrl()).isEqualTo("http://localhost:9999/api/");
		assertThat(properties.toString()).doesNotContain("signing-secret", "xoxb-secret-token")
			.contains("localhost:9999");
	}

}
