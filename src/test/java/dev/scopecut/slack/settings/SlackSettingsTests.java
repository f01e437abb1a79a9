package dev.scopecut.slack.settings;

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
	void neitherABotTokenNorAClientStopsStartUpWithOneLineSayingWhatToSet(CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(ScopecutApplication.class, "--server.port=0",
				"--scopecut.slack.bot-token=", "--scopecut.slack.client-id=", "--scopecut.slack.client-secret=",
				"--scopecut.slack.signing-secret=s3cret-value"))
			.isInstanceOf(Exception.class);

		assertThat(output).contains("Scopecut cannot start: no Slack workspace is configured.")
			.contains("Set SLACK_BOT_TOKEN (xoxb-…) for one workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET")
			.contains("SCOPECUT_SANDBOX=true")
			.doesNotContain("s3cret-value");
	}

	@Test
	void aClientIdWithoutItsSecretStopsStartUpNamingTheSecret(CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(ScopecutApplication.class, "--server.port=0",
				"--scopecut.slack.bot-token=", "--scopecut.slack.client-id=1234.5678",
				"--scopecut.slack.client-secret=", "--scopecut.slack.signing-secret=s3cret-value"))
			.isInstanceOf(Exception.class);

		assertThat(output).contains("Scopecut cannot start: SLACK_CLIENT_SECRET is not set.")
			.contains("Set SLACK_CLIENT_SECRET: the client secret");
	}

	@Test
	void eachHalfOfTheClientNamesTheOtherWhenMissing() {
		assertThatThrownBy(() -> new SlackProperties("s", null, null, null, "client-secret", null))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("Set SLACK_CLIENT_ID:");
		assertThatThrownBy(() -> new SlackProperties("s", null, null, "1234.5678", " ", null))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageStartingWith("Set SLACK_CLIENT_SECRET:");
	}

	@Test
	void aBotTokenAndAClientTogetherAreRefusedNamingTheConflict() {
		assertThatThrownBy(() -> new SlackProperties("s", "xoxb-1", null, "1234.5678", "client-secret", null))
			.isInstanceOf(SettingsException.class)
			.hasMessageContaining("Unset SLACK_BOT_TOKEN")
			.satisfies((ex) -> assertThat(((SettingsException) ex).getProblem()).isEqualTo(SlackProperties.BOTH_MODES));
		assertThatThrownBy(() -> new SlackProperties("s", "xoxb-1", null, "1234.5678", null, null))
			.isInstanceOf(SettingsException.class)
			.satisfies((ex) -> assertThat(((SettingsException) ex).getProblem()).isEqualTo(SlackProperties.BOTH_MODES));
	}

	@Test
	void aBotTokenIsOneWorkspaceAndAClientIsMany() {
		assertThat(new SlackProperties("s", "xoxb-1", null, null, null, null).multiWorkspace()).isFalse();

		SlackProperties many = new SlackProperties("s", " ", null, "1234.5678", "client-secret", null);

		assertThat(many.multiWorkspace()).isTrue();
		assertThat(many.botToken()).isNull();
		assertThat(many.toString()).contains("multiWorkspace=true").doesNotContain("client-secret", "1234.5678");
	}

	@Test
	void httpModeNeedsTheSigningSecretAndSocketModeDoesNot() {
		assertThatThrownBy(() -> new SlackProperties(null, "xoxb-1", null, null, null, null))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageContaining("SLACK_SIGNING_SECRET");
		assertThatThrownBy(() -> new SlackProperties(null, null, null, "1234.5678", "client-secret", null))
			.isInstanceOf(MissingSettingException.class)
			.hasMessageContaining("SLACK_SIGNING_SECRET");

		SlackProperties socketMode = new SlackProperties(" ", "xoxb-1", "xapp-1", null, null, null);

		assertThat(socketMode.socketMode()).isTrue();
		assertThat(socketMode.signingSecret()).isNull();
		assertThat(socketMode.apiUrl()).isEqualTo("https://slack.com/api/");
		assertThat(new SlackProperties(null, null, "xapp-1", "1234.5678", "client-secret", null).socketMode()).isTrue();
	}

	@Test
	void theApiUrlGetsItsTrailingSlashAndSecretsNeverPrint() {
		SlackProperties properties = new SlackProperties("signing-secret", "xoxb-secret-token", null, null, null,
				"http://localhost:9999/api");

		assertThat(properties.apiUrl()).isEqualTo("http://localhost:9999/api/");
		assertThat(properties.toString()).doesNotContain("signing-secret", "xoxb-secret-token")
			.contains("localhost:9999");
	}

}
