package dev.scopecut.slack;

import com.slack.api.bolt.App;

/** One listener class per Slack callback: each says itself which callback it answers. */
public interface SlackListener {

	void register(App app);

}
