package dev.scopecut.slack;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing setting into Spring Boot's short start-up report, naming the variable.
 */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
		return new FailureAnalysis("Scopecut cannot start: " + cause.getVariable() + " is not set.", cause.getMessage(),
				cause);
	}

}
