package dev.scopecut.slack;

/** A required environment variable is not set; start-up stops and says which one. */
public class MissingSettingException extends SettingsException {

	private final String variable;

	public MissingSettingException(String variable, String what) {
		super(variable + " is not set.", "Set " + variable + ": " + what + ".");
		this.variable = variable;
	}

	public String getVariable() {
		return this.variable;
	}

}
