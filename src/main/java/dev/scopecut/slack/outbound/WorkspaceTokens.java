package dev.scopecut.slack.outbound;

/** The bot token to use for calls on behalf of a workspace. */
public interface WorkspaceTokens {

	String botToken(String workspace);

}
