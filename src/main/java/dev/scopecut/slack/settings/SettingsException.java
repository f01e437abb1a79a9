package dev.scopecut.slack.settings;

/**
 * The Slack settings cannot work as given, so start-up stops; the message says in one
 * line what to set.
 */
public class SettingsException extends RuntimeException {

	private final String problem;

	/**
	 * @param problem what is wrong, as a sentence ("SLACK_BOT_TOKEN is not set.")
	 * @param remedy what to do about it, as a sentence
	 */
	public SettingsException(String problem, String remedy) {
		super(remedy);
		this.problem = problem;
	}

	public String getProblem() {
		return this.problem;
	}

}
