package dev.scopecut.slack;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import dev.scopecut.app.port.Metrics;
import dev.scopecut.app.port.RequestReplays;
import dev.scopecut.app.port.TokenRefreshLocks;
import dev.scopecut.slack.inbound.SocketModeRunner;
import dev.scopecut.slack.inbound.SlackIdShapes;
import dev.scopecut.slack.inbound.TriggerReplays;
import dev.scopecut.slack.inbound.VerifiedSlackAppServlet;
import dev.scopecut.slack.installs.BoltInstallations;
import dev.scopecut.slack.installs.InstallPages;
import dev.scopecut.slack.installs.InstalledWorkspaceTokens;
import dev.scopecut.slack.outbound.WorkspaceTokens;
import dev.scopecut.slack.settings.SlackProperties;

/**
 * Bolt, built from the validated settings, with every listener registered and mounted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfig {

	/**
	 * The bot scopes an "Add to Slack" install asks for; the same as manifest.yml's (a
	 * test keeps them in step).
	 */
	static final String BOT_SCOPES = "commands,chat:write,channels:read,groups:read,users:read,im:write";

	private static final Logger log = LoggerFactory.getLogger(SlackConfig.class);

	/** The Web API client; every call goes to {@code SLACK_API_URL}. */
	@Bean
	Slack slack(SlackProperties properties) {
		com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
		config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		// The SDK's own call statistics (a thread and a datastore) are read by nothing:
		// Scopecut's Slack metrics are Micrometer's (ops/MeteredSlack).
		config.setStatsEnabled(false);
		return Slack.getInstance(config);
	}

	/**
	 * Each installed workspace's bot, its rotating token refreshed one caller at a time.
	 */
	@Bean
	InstalledWorkspaceTokens installedWorkspaceTokens(SlackProperties properties, Slack slack,
			InstallationService installations, TokenRefreshLocks locks, Clock clock) {
		return new InstalledWorkspaceTokens(installations, locks, slack.methods(), properties.clientId(),
				properties.clientSecret(), clock);
	}

	/**
	 * The token of the one workspace, or of each installed workspace read from its
	 * installation.
	 */
	@Bean
	WorkspaceTokens workspaceTokens(SlackProperties properties, InstalledWorkspaceTokens installed) {
		return properties.multiWorkspace() ? installed::botToken : (workspace) -> properties.botToken();
	}

	@Bean
	App slackApp(SlackProperties properties, Slack slack, List<SlackListener> listeners,
			InstallationService installations, InstalledWorkspaceTokens installed, OAuthStateService oauthStates,
			RequestReplays replays) {
		InstallPages pages = new InstallPages();
		// Every setting is given, even when unset: Bolt would otherwise read
		// SLACK_BOT_TOKEN, SLACK_CLIENT_ID and the like from the environment itself.
		AppConfig config = AppConfig.builder()
			.slack(slack)
			// Single-workspace mode only; in multi-workspace mode Bolt finds each
			// request's workspace token in its installation, refreshed by
			// BoltInstallations when rotation is on.
			.singleTeamBotToken(properties.botToken())
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.scope(BOT_SCOPES)
			.userScope(null)
			.redirectUri(null)
			.oauthInstallPath(InstallPages.INSTALL_PATH)
			.oauthRedirectUriPath(InstallPages.REDIRECT_PATH)
			.oAuthRedirectUriPageRenderer(pages)
			.signingSecret(properties.signingSecret())
			// The servlet checks signatures before parsing; Socket Mode needs none.
			.requestVerificationEnabled(false)
			// Without the cache Bolt calls auth.test on every request.
			.authTestCacheEnabled(true)
			.build();
		App app = new CheckedApp(config, List.of(new SlackIdShapes(), new TriggerReplays(replays)));
		app.service(properties.multiWorkspace() ? new BoltInstallations(installations, installed) : installations);
		app.service(oauthStates);
		if (properties.multiWorkspace()) {
			app.asOAuthApp(true);
			app.oauthCallbackStateError((request, response) -> pages.failure(response, InstallPages.INVALID_STATE));
			app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, answer) -> {
				log.warn("Slack refused an install (oauth.v2.access): {}", answer.getError());
				return pages.failure(response, answer.getError());
			});
		}
		listeners.forEach((listener) -> listener.register(app));
		return app;
	}

	/**
	 * "Add to Slack" ({@code GET /slack/install}) and its redirect, in multi-workspace
	 * mode only.
	 */
	@Bean
	ServletRegistrationBean<SlackOAuthAppServlet> slackInstall(App app, SlackProperties properties) {
		ServletRegistrationBean<SlackOAuthAppServlet> registration = new ServletRegistrationBean<>(
				new SlackOAuthAppServlet(app), InstallPages.INSTALL_PATH, InstallPages.REDIRECT_PATH);
		registration.setEnabled(properties.multiWorkspace());
		return registration;
	}

	@Bean
	ServletRegistrationBean<VerifiedSlackAppServlet> slackEvents(App app, SlackProperties properties, Clock clock) {
		ServletRegistrationBean<VerifiedSlackAppServlet> registration = new ServletRegistrationBean<>(
				new VerifiedSlackAppServlet(app, properties.signingSecret(), clock), "/slack/events");
		// Socket Mode without a signing secret can verify nothing: no HTTP endpoint.
		registration.setEnabled(properties.signingSecret() != null);
		return registration;
	}

	@Bean
	SocketModeRunner socketModeRunner(SlackProperties properties, App app) {
		return new SocketModeRunner(properties.appToken(), app);
	}

	/**
	 * Private replies, made after the acknowledgement and posted without waiting for
	 * Slack (PrivateReplies); a flood of votes queues here.
	 */
	@Bean
	ThreadPoolTaskExecutor replyExecutor() {
		return executor("reply-", 2, 20_000);
	}

	/**
	 * Posting new cuts, a long export's parts and Home tabs: never queued behind a flood
	 * of private replies. What the full queue refuses is counted, and each caller tells
	 * the person it could not be done.
	 */
	@Bean
	ThreadPoolTaskExecutor publishExecutor(Metrics metrics) {
		ThreadPoolTaskExecutor executor = executor("publish-", 2, 1_000);
		executor.setRejectedExecutionHandler((task, pool) -> {
			metrics.publishShed();
			throw new RejectedExecutionException("the publish queue is full");
		});
		return executor;
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
