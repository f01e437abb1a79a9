package dev.scopecut.slack;

import java.time.Clock;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Bolt, built from the validated settings, with every listener registered and mounted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfig {

	/** The Web API client; every call goes to {@code SLACK_API_URL}. */
	@Bean
	Slack slack(SlackProperties properties) {
		com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
		config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		return Slack.getInstance(config);
	}

	@Bean
	WorkspaceTokens workspaceTokens(SlackProperties properties) {
		return (workspace) -> properties.botToken();
	}

	@Bean
	App slackApp(SlackProperties properties, Slack slack, List<SlackListener> listeners) {
		AppConfig config = AppConfig.builder()
			.slack(slack)
			.singleTeamBotToken(properties.botToken())
			.signingSecret(properties.signingSecret())
			// VerifiedSlackAppServlet checks signatures before parsing; Socket Mode needs
			// none.
			.requestVerificationEnabled(false)
			// Without the cache Bolt calls auth.test on every request.
			.authTestCacheEnabled(true)
			.build();
		App app = new App(config);
		listeners.forEach((listener) -> listener.register(app));
		return app;
	}

	@Bean
	ServletRegistrationBean<VerifiedSlackAppServlet> slackEvents(App app, SlackProperties properties, Clock clock) {
		ServletRegistrationBean<VerifiedSlackAppServlet> registration = new ServletRegistrationBean<>(
				new VerifiedSlackAppServlet(app, properties.signingSecret(), clock), "/slack/events");
		// In Socket Mode without a signing secret, nothing can be verified: no HTTP
		// endpoint.
		registration.setEnabled(properties.signingSecret() != null);
		return registration;
	}

	@Bean
	SocketModeRunner socketModeRunner(SlackProperties properties, App app) {
		return new SocketModeRunner(properties.appToken(), app);
	}

	/** Private replies, sent after the acknowledgement; a flood of votes queues here. */
	@Bean
	ThreadPoolTaskExecutor replyExecutor() {
		return executor("reply-", 8, 20_000);
	}

	/** Posting new cuts: never queued behind a flood of private replies. */
	@Bean
	ThreadPoolTaskExecutor publishExecutor() {
		return executor("publish-", 2, 1_000);
	}

	private static ThreadPoolTaskExecutor executor(String prefix, int threads, int queue) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queue);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
