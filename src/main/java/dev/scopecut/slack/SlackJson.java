package dev.scopecut.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;

/**
 * The one Gson for Slack's snake_case JSON. Bolt and the Web API client build a new Gson
 * for each payload they read or write, and a new Gson builds every type adapter again by
 * reflection; on the vote path that was most of the app's CPU (BENCHMARKS.md). Gson is
 * thread-safe and caches its adapters, so one instance serves every thread.
 */
public final class SlackJson {

	public static final Gson GSON = GsonFactory.createSnakeCase();

	private SlackJson() {
	}

}
