package dev.scopecut.slack.settings;

/** A required environment variable is not set; start-up stops and says which one. */
public class MissingSettingException extends SettingsException {

	public MissingSettingException(String variable, String what) {
		super(variable + " is not set.", "Set " + variable + ": " + what + ".");
	}

}
