package dev.scopecut.slack;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;

/**
 * Bolt's app with Scopecut's request-wide checks run after Bolt's own middleware
 * (authorization first, so each check knows the workspace) and before any listener, over
 * HTTP and Socket Mode alike. Added here rather than with {@code App.use}, which builds
 * Bolt's middleware at once: in single-workspace mode that calls {@code auth.test} while
 * the application starts, and Scopecut could not start while Slack is unreachable. Bolt
 * builds this list on the first request.
 */
class CheckedApp extends App {

	private final List<Middleware> checks;

	CheckedApp(AppConfig config, List<Middleware> checks) {
		super(config);
		this.checks = List.copyOf(checks);
	}

	@Override
	protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
		List<Middleware> middleware = new ArrayList<>(super.buildDefaultMiddlewareList(config));
		middleware.addAll(this.checks);
		return middleware;
	}

}
