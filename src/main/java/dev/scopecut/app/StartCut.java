package dev.scopecut.app;

import java.util.Objects;

import dev.scopecut.cut.CutDraft;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.Lineage;
import dev.scopecut.cut.NextCut;

/**
 * A request to start a cut in a channel.
 *
 * @param follows the closed cut it follows, as its form was opened; null for a cut
 * started afresh
 */
public record StartCut(String workspace, String channel, String facilitator, CutDraft draft, NextCut follows) {

	public StartCut {
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(facilitator, "facilitator");
		Objects.requireNonNull(draft, "draft");
	}

	/** A request to start a cut afresh. */
	public StartCut(String workspace, String channel, String facilitator, CutDraft draft) {
		this(workspace, channel, facilitator, draft, null);
	}

	/**
	 * The lineage of the new cut: which of its items it carries from the cut it follows.
	 */
	Lineage lineage(Cut started) {
		return (this.follows != null) ? this.follows.lineage(started.items()) : Lineage.NONE;
	}

}
