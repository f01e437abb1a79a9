package dev.scopecut.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxEnvironmentTests {

	@Test
	void withoutTheSwitchNothingIsAddedSoAMissingTokenStillStopsStartUp() {
		MockEnvironment environment = new MockEnvironment();
		process(environment);
		assertThat(environment.getProperty("scopecut.slack.bot-token")).isNull();
		assertThat(environment.getProperty(SandboxEnvironment.ENABLED)).isNull();
	}

	@Test
	void switchedOnItSuppliesAFakeTokenARandomSecretAndItsOwnApiUrl() {
		MockEnvironment first = new MockEnvironment().withProperty("scopecut.sandbox", "true")
			.withProperty("server.port", "3456");
		MockEnvironment second = new MockEnvironment().withProperty("scopecut.sandbox", "auto");
		process(first);
		process(second);
		assertThat(first.getProperty(SandboxEnvironment.ENABLED)).isEqualTo("true");
		assertThat(first.getProperty("scopecut.slack.bot-token")).isEqualTo("xoxb-sandbox");
		assertThat(first.getProperty("scopecut.slack.api-url")).isEqualTo("http://localhost:3456/sandbox/api/");
		assertThat(first.getProperty("scopecut.slack.signing-secret")).hasSize(64)
			.isEqualTo(first.getProperty(SandboxEnvironment.SIGNING_SECRET))
			.isNotEqualTo(second.getProperty("scopecut.slack.signing-secret"));
	}

	@Test
	void anyRealCredentialKeepsItOff() {
		MockEnvironment asked = new MockEnvironment().withProperty("scopecut.sandbox", "true")
			.withProperty("SLACK_BOT_TOKEN", "xoxb-real");
		MockEnvironment auto = new MockEnvironment().withProperty("scopecut.sandbox", "auto")
			.withProperty("scopecut.slack.app-token", "xapp-real");
		process(asked);
		process(auto);
		assertThat(asked.getProperty("scopecut.slack.bot-token")).isNull();
		assertThat(asked.getProperty(SandboxEnvironment.ENABLED)).isNull();
		assertThat(auto.getProperty(SandboxEnvironment.ENABLED)).isNull();
	}

	private static void process(MockEnvironment environment) {
		new SandboxEnvironment(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
	}

}
