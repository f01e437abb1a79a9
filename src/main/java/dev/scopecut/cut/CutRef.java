package dev.scopecut.cut;

import java.util.Objects;

/**
 * Names one cut: its id is unique only within its workspace (a Slack team id such as
 * {@code T0123ABCD}, kept to letters, digits, '-' and '_').
 */
public record CutRef(String workspace, CutId id) {

	public CutRef {
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(id, "id");
		if (!workspace.matches("[A-Za-z0-9_-]{1,64}")) {
			throw new IllegalArgumentException("not a workspace id: " + workspace);
		}
	}

}
