package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.CutDraft;

/** A request to start a cut in a channel. */
public record StartCut(String workspace, String channel, String facilitator, CutDraft draft) {

	public StartCut {
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(facilitator, "facilitator");
		Objects.requireNonNull(draft, "draft");
	}

}
