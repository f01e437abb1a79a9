package dev.scopecut.app;

import dev.scopecut.app.port.CutSnapshot;
import dev.scopecut.app.port.CutStore;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.CutRef;
import dev.scopecut.cut.CutStatus;
import dev.scopecut.cut.NextCut;

/**
 * Starting the next cut from a closed one: only its facilitator may, checked here
 * whatever the request claims, both when the form opens and when it is submitted.
 */
public class NextCuts {

	/** Why the next cut cannot be started from a cut. */
	public enum Refusal {

		/** No such cut in the workspace. */
		NOT_FOUND,
		/** Someone other than the cut's facilitator asked. */
		NOT_FACILITATOR,
		/** The cut is still open, or was cancelled. */
		NOT_CLOSED

	}

	/** A refused next cut; nothing is started. */
	public static class RefusedException extends RuntimeException {

		private final transient Refusal refusal;

		private final transient Cut parent;

		RefusedException(Refusal refusal, Cut parent) {
			super(refusal.name());
			this.refusal = refusal;
			this.parent = parent;
		}

		public Refusal refusal() {
			return this.refusal;
		}

		/** The cut asked for; null when there is none. */
		public Cut parent() {
			return this.parent;
		}

	}

	private final CutStore store;

	private final CutService cuts;

	public NextCuts(CutStore store, CutService cuts) {
		this.store = store;
		this.cuts = cuts;
	}

	/**
	 * What the next cut's form opens with, for the parent's facilitator.
	 * @throws RefusedException when there is no such cut, the user is not its
	 * facilitator, or it is not closed
	 */
	public NextCut plan(CutRef parent, String user) {
		CutSnapshot snapshot = this.store.snapshot(parent)
			.orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, null));
		Cut cut = snapshot.cut();
		if (!cut.isFacilitator(user)) {
			throw new RefusedException(Refusal.NOT_FACILITATOR, cut);
		}
		if (cut.status() != CutStatus.CLOSED) {
			throw new RefusedException(Refusal.NOT_CLOSED, cut);
		}
		return NextCut.of(cut, snapshot.decision());
	}

	/**
	 * The cut a next cut follows when none is named: the channel's latest closed one.
	 * @throws CutLookupException when the channel has none closed lately
	 */
	public Cut latestClosedIn(String workspace, String channel) {
		return this.cuts.latestClosedIn(workspace, channel).orElseThrow(CutLookupException::noClosedCut);
	}

	/**
	 * Starts the cut submitted from the next cut's form: the parent is read again, so its
	 * facilitator and its decision are the ones stored now, not the form's.
	 * @throws RefusedException as {@link #plan}; nothing is stored then
	 */
	public Cut start(StartCut command, CutRef parent) {
		NextCut next = plan(parent, command.facilitator());
		return this.cuts
			.start(new StartCut(command.workspace(), command.channel(), command.facilitator(), command.draft(), next));
	}

}
