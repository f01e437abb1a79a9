package dev.scopecut.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.scopecut.support.fakeslack.FakeSlack;
import dev.scopecut.support.fakeslack.SignedRequests;
import dev.scopecut.support.processes.RedisProcess;

/**
 * The settings every app under test gets: its Redis, the fake Slack, and the Slack
 * credentials the fake expects.
 */
public final class TestSettings {

	public static final String BOT_TOKEN = "xoxb-test-token";

	private TestSettings() {
	}

	/** An HTTP-mode app signed with {@link SignedRequests#SECRET}. */
	public static void register(DynamicPropertyRegistry registry, RedisProcess redis, FakeSlack slack) {
		register(registry, redis, slack, SignedRequests.SECRET, BOT_TOKEN);
	}

	public static void register(DynamicPropertyRegistry registry, RedisProcess redis, FakeSlack slack,
			String signingSecret, String botToken) {
		registry.add("spring.data.redis.url", redis::url);
		registry.add("scopecut.slack.api-url", slack::apiUrl);
		registry.add("scopecut.slack.signing-secret", () -> signingSecret);
		registry.add("scopecut.slack.bot-token", () -> botToken);
	}

}
