package dev.scopecut.slack.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns unusable Slack settings into Spring Boot's short start-up report, naming the
 * variable to set.
 */
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<SettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SettingsException cause) {
		return new FailureAnalysis("Scopecut cannot start: " + cause.getProblem(), cause.getMessage(), cause);
	}

}
